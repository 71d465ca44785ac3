/// A CSV syntax error: the 1-based line and column (in Unicode scalars) where it was seen.
public struct CSVSyntaxError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A quoted cell that runs to the end of the file (the position is its opening quote).
        case unterminatedQuote
        /// Something other than a comma or the end of the line after a closing quote.
        case textAfterClosingQuote
        /// A `"` inside a cell that did not start with one.
        case quoteInUnquotedCell
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

/// One cell of a record: where its text lies in the file and where it starts, for messages.
public struct CSVCell: Equatable, Sendable {
    /// Byte range of the cell's text: without the surrounding quotes and spaces.
    public var start: Int
    public var end: Int
    /// Whether the text holds `""` (a quote written twice), which `text` turns into one.
    public var hasDoubledQuotes: Bool
    /// The 1-based line where the cell begins (its opening quote, or its first character).
    public var line: Int
    /// Byte offsets of that beginning and of its line's start: the column is counted from them
    /// only when a message needs it, so reading stays linear in the file's size.
    var begin: Int
    var lineStart: Int
}

/// Splits CSV text (RFC 4180) into records, one at a time, without copying cells: a cell is a byte
/// range, converted to a number or a string only when asked.
///
/// Accepted beyond RFC 4180, as spreadsheets and people write files: LF, CRLF or CR line ends, a
/// UTF-8 byte-order mark, spaces and tabs around cells, blank lines anywhere, and lines whose first
/// non-blank character is `#` (comments). Refused, with line and column: a quote inside an unquoted
/// cell, text after a closing quote, a quoted cell that never closes.
///
/// Written here rather than taken from a CSV library: the packages on offer (SwiftCSV 0.10.0,
/// CSV.swift 2.5.2) report no line or column, accept unterminated quotes silently and know no
/// comment lines.
public struct CSVScanner: Sendable {
    public let bytes: [UInt8]
    private var position: Int
    /// The line `position` is on, and the byte where that line starts.
    private var line = 1
    private var lineStart: Int
    /// Line and column just past the last cell of the record `nextRecord` read: where a record
    /// with too few cells ended.
    public private(set) var recordEnd = (line: 1, column: 1)

    public init(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// `bytes` must be UTF-8 (columns count Unicode scalars).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        lineStart = position
    }

    /// Reads the next record's cells into `cells` (replacing what was there) and returns the line
    /// it starts on, or nil at the end of the text. Blank and comment lines are skipped.
    public mutating func nextRecord(into cells: inout [CSVCell]) throws(CSVSyntaxError) -> Int? {
        cells.removeAll(keepingCapacity: true)
        let count = bytes.count
        return try bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(CSVSyntaxError) -> Int? in
            // Skip blank lines and comments.
            while true {
                var p = position
                while p < count, b[p] == 0x20 || b[p] == 0x09 { p += 1 }
                if p == count { position = p; return nil }
                if b[p] == 0x0A || b[p] == 0x0D {
                    position = p
                    endLine(b)
                    continue
                }
                if b[p] == 0x23 {  // '#'
                    while p < count, b[p] != 0x0A, b[p] != 0x0D { p += 1 }
                    position = p
                    if p < count { endLine(b) }
                    continue
                }
                break
            }
            let recordLine = line
            while true {
                var p = position
                while p < count, b[p] == 0x20 || b[p] == 0x09 { p += 1 }
                let cellLine = line, cellLineStart = lineStart, begin = p
                if p < count, b[p] == 0x22 {  // a quoted cell
                    let start = p + 1
                    var doubled = false
                    p = start
                    while true {
                        guard p < count else {
                            throw CSVSyntaxError(kind: .unterminatedQuote, line: cellLine,
                                                 column: Self.column(of: begin, lineStart: cellLineStart, b))
                        }
                        let byte = b[p]
                        if byte == 0x22 {
                            if p + 1 < count, b[p + 1] == 0x22 { doubled = true; p += 2; continue }
                            break
                        }
                        if byte == 0x0A || (byte == 0x0D && !(p + 1 < count && b[p + 1] == 0x0A)) {
                            line += 1
                            lineStart = p + 1
                        }
                        p += 1
                    }
                    let end = p
                    p += 1
                    while p < count, b[p] == 0x20 || b[p] == 0x09 { p += 1 }
                    if p < count, b[p] != 0x2C, b[p] != 0x0A, b[p] != 0x0D {
                        throw CSVSyntaxError(kind: .textAfterClosingQuote, line: line, column: column(of: p, b))
                    }
                    cells.append(CSVCell(start: start, end: end, hasDoubledQuotes: doubled, line: cellLine, begin: begin,
                                         lineStart: cellLineStart))
                } else {
                    let start = p
                    while p < count, b[p] != 0x2C, b[p] != 0x0A, b[p] != 0x0D {
                        if b[p] == 0x22 {
                            throw CSVSyntaxError(kind: .quoteInUnquotedCell, line: line, column: column(of: p, b))
                        }
                        p += 1
                    }
                    var end = p
                    while end > start, b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
                    cells.append(CSVCell(start: start, end: end, hasDoubledQuotes: false, line: cellLine, begin: begin,
                                         lineStart: cellLineStart))
                }
                position = p
                if p < count, b[p] == 0x2C {
                    position = p + 1
                    continue
                }
                recordEnd = (line, column(of: p, b))
                if p < count { endLine(b) }
                return recordLine
            }
        }
    }

    /// Steps over the line end at `position` (LF, CRLF or CR).
    private mutating func endLine(_ b: UnsafeBufferPointer<UInt8>) {
        if b[position] == 0x0D, position + 1 < b.count, b[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
        lineStart = position
    }

    /// The 1-based column of byte `p` on the current line, counting Unicode scalars.
    private func column(of p: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        Self.column(of: p, lineStart: lineStart, b)
    }

    private static func column(of p: Int, lineStart: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        var scalars = 1
        var i = lineStart
        while i < p {
            if b[i] & 0xC0 != 0x80 { scalars += 1 }
            i += 1
        }
        return scalars
    }

    /// The 1-based column (in Unicode scalars) where `cell` begins.
    public func column(of cell: CSVCell) -> Int {
        bytes.withUnsafeBufferPointer { Self.column(of: cell.begin, lineStart: cell.lineStart, $0) }
    }

    /// The cell's text, with each doubled quote made one.
    public func text(of cell: CSVCell) -> String {
        let raw = String(decoding: bytes[cell.start..<cell.end], as: UTF8.self)
        guard cell.hasDoubledQuotes else { return raw }
        var result = ""
        var previousWasQuote = false
        for character in raw {
            if character == "\"", previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = character == "\""
            result.append(character)
        }
        return result
    }

    /// What a cell holds as a number.
    public enum Number: Equatable, Sendable {
        case finite(Double)
        /// NaN, an infinity, or a decimal too large for a double (which would read as infinity).
        case notFinite
        case notANumber
        case empty
    }

    /// The cell as a decimal number: an optional sign, digits with an optional point, an optional
    /// exponent (`-2.5`, `.5`, `3e-4`, `1E+2`), rounded correctly to the nearest double, as NumPy
    /// reads it. `nan`, `inf` and `infinity` (any case, signed) are recognised to refuse them by name.
    public func number(_ cell: CSVCell) -> Number {
        let length = cell.end - cell.start
        if length == 0 { return .empty }
        return bytes.withUnsafeBufferPointer { b -> Number in
            var p = cell.start
            let end = cell.end
            if b[p] == 0x2B || b[p] == 0x2D { p += 1 }
            var digits = 0
            while p < end, b[p] >= 0x30, b[p] <= 0x39 { p += 1; digits += 1 }
            if p < end, b[p] == 0x2E {
                p += 1
                while p < end, b[p] >= 0x30, b[p] <= 0x39 { p += 1; digits += 1 }
            }
            if digits > 0, p < end, b[p] == 0x65 || b[p] == 0x45 {
                p += 1
                if p < end, b[p] == 0x2B || b[p] == 0x2D { p += 1 }
                var exponentDigits = 0
                while p < end, b[p] >= 0x30, b[p] <= 0x39 { p += 1; exponentDigits += 1 }
                if exponentDigits == 0 { return .notANumber }
            }
            guard digits > 0, p == end else {
                var word = String(decoding: b[cell.start..<end], as: UTF8.self).lowercased()
                if word.hasPrefix("+") || word.hasPrefix("-") { word.removeFirst() }
                return ["nan", "inf", "infinity"].contains(word) ? .notFinite : .notANumber
            }
            // Swift's parser is the C library's strtod in the C locale: correctly rounded, as
            // NumPy's, and never misled by a locale whose decimal point is a comma.
            guard let value = Double(String(decoding: b[cell.start..<end], as: UTF8.self)) else { return .notANumber }
            return value.isFinite ? .finite(value) : .notFinite
        }
    }
}
