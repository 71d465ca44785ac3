import TerminalUI

/// How the visualiser writes numbers: rounded to fit, never cut into a wrong value.
enum DisplayFormat {
    /// A value in exactly `width` columns, right-aligned, with an explicit sign so columns line up.
    static func signed(_ value: Double, width: Int) -> String {
        let body: String
        if value.isNaN || value.isInfinite || value == 0 {
            body = NumberFormat.fit(value, width: width)
        } else {
            let magnitude = NumberFormat.fit(abs(value), width: max(1, width - 1), trimZeros: false)
            // Rounding can make a tiny value read "0": keep its sign off then, as "0" is what it shows.
            body = (magnitude.allSatisfy { $0 == "0" || $0 == "." } ? "" : (value < 0 ? "−" : "+")) + magnitude
        }
        return pad(body, width)
    }

    /// A non-negative quantity (loss, ŷ) in at most `width` columns, right-aligned.
    static func plain(_ value: Double, width: Int) -> String {
        pad(NumberFormat.fit(value, width: width, trimZeros: false), width)
    }

    /// Like `plain` but without padding, for inline text.
    static func compact(_ value: Double, width: Int) -> String {
        NumberFormat.fit(value, width: width)
    }

    /// The loss, the same way wherever it appears: 8 decimals for values below 1 (trailing zeros
    /// kept so the width does not jump as it falls), scientific when tiny.
    static func loss(_ value: Double) -> String {
        NumberFormat.fit(value, width: 10, trimZeros: false)
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    static func subscriptDigits(_ n: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
