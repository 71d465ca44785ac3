#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Formatting numbers to fit a fixed number of screen columns without ever showing a wrong value.
///
/// Digits may be rounded away; digits of the integer part are never cut off. When a value cannot
/// be written in the width at all, the result is `#` repeated `width` times (like a spreadsheet).
public enum NumberFormat {
    /// `value` in at most `width` characters: plain (`0.6084`, `12346`, `-3.5`) or scientific
    /// (`1.23e4`, `-1.2e-5`), whichever is closer to `value` (plain on a tie). Either form is
    /// `value` correctly rounded at its last digit.
    ///
    /// NaN is `NaN`, infinities are `inf` and `-inf`, zero is `0`. With `trimZeros` (the default),
    /// trailing zeros after the decimal point are dropped (`1.5000` → `1.5`, `2.000` → `2`);
    /// without it the plain form uses every column it can (handy for readouts that should not jump).
    /// At most 15 significant digits are shown, so binary noise never appears.
    public static func fit(_ value: Double, width: Int, trimZeros: Bool = true) -> String {
        guard width > 0 else { return "" }
        let overflow = String(repeating: "#", count: width)
        if value.isNaN { return width >= 3 ? "NaN" : overflow }
        if value.isInfinite {
            let text = value > 0 ? "inf" : "-inf"
            return text.count <= width ? text : overflow
        }
        if value == 0 { return "0" }
        let plain = bestPlain(value, width: width, trimZeros: trimZeros)
        let scientific = bestScientific(value, width: width, trimZeros: trimZeros)
        switch (plain, scientific) {
        case (nil, nil): return overflow
        case (let p?, nil): return p
        case (nil, let s?): return s
        case (let p?, let s?):
            return error(of: s, from: value) < error(of: p, from: value) ? s : p
        }
    }

    /// The plain form with the most decimals that fits and keeps at most 15 significant digits.
    static func bestPlain(_ value: Double, width: Int, trimZeros: Bool) -> String? {
        let whole = printf("%.0f", value, precision: 0)
        guard whole.count <= width else { return nil }
        // Room for decimals after "<whole>.", and not past 15 significant digits in all.
        let maxDecimals = abs(value) < 1
            ? leadingFractionZeros(value) + 15
            : max(0, 15 - whole.filter(\.isNumber).count)
        var decimals = min(width - whole.count - 1, maxDecimals)
        while decimals >= 1 {
            let text = printf("%.*f", value, precision: decimals)
            if text.count <= width { return trimZeros ? trimmed(text) : text }
            decimals -= 1
        }
        return whole
    }

    /// The scientific form with the most mantissa digits that fits (`1.23e4`, `-1.2e-5`, `5e-324`).
    static func bestScientific(_ value: Double, width: Int, trimZeros: Bool) -> String? {
        // "d.<decimals>e<exponent>": at least 3 columns besides the decimals.
        var decimals = min(14, width - 4)
        if decimals < 0 { decimals = 0 }
        while decimals >= 0 {
            let text = compactExponent(printf("%.*e", value, precision: decimals))
            if text.count <= width {
                guard trimZeros, let e = text.firstIndex(of: "e") else { return text }
                return trimmed(String(text[..<e])) + text[e...]
            }
            decimals -= 1
        }
        return nil
    }

    /// Counts zeros between the decimal point and the first non-zero digit of |value| < 1.
    private static func leadingFractionZeros(_ value: Double) -> Int {
        var magnitude = abs(value)
        var zeros = 0
        while magnitude < 0.1, zeros < 400 { magnitude *= 10; zeros += 1 }
        return zeros
    }

    /// How far a formatted number is from `value` (infinite when it does not parse).
    private static func error(of text: String, from value: Double) -> Double {
        guard let shown = Double(text) else { return .infinity }
        return abs(shown - value)
    }

    /// "1.5000" → "1.5", "2.000" → "2"; leaves numbers without a point alone.
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return String(result)
    }

    /// "1.23e+04" → "1.23e4", "1.2e-05" → "1.2e-5".
    private static func compactExponent(_ text: String) -> String {
        guard let e = text.firstIndex(of: "e") else { return text }
        var exponent = text[text.index(after: e)...]
        var sign = ""
        if exponent.first == "+" { exponent = exponent.dropFirst() } else if exponent.first == "-" {
            sign = "-"
            exponent = exponent.dropFirst()
        }
        let digits = exponent.drop { $0 == "0" }
        return String(text[...e]) + sign + (digits.isEmpty ? "0" : String(digits))
    }

    /// C `snprintf` with one precision argument and one double (correctly rounded, locale "C").
    private static func printf(_ format: String, _ value: Double, precision: Int) -> String {
        var storage = [CChar](repeating: 0, count: 512)
        let written = storage.withUnsafeMutableBufferPointer { buffer -> Int32 in
            if format.contains("*") {
                return withVaList([Int32(precision), value]) { vsnprintf(buffer.baseAddress, buffer.count, format, $0) }
            }
            return withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, format, $0) }
        }
        guard written > 0 else { return "" }
        let count = min(Int(written), storage.count - 1)
        let text = String(decoding: storage[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // A locale set by the program may use another decimal separator: always show ".".
        return String(text.map { $0.isASCII && ($0.isNumber || "-+e".contains($0)) ? $0 : "." })
    }
}
