/// Turns the bytes a terminal sends into key presses and mouse reports.
///
/// Terminals send keys as UTF-8 text, control bytes, and escape sequences: CSI (`ESC [ … final`)
/// for arrows, Home/End, PgUp/PgDn and F-keys, SS3 (`ESC O x`) for the same in application mode,
/// and ESC before any key for Alt (Meta). Reports nobody asked for arrive the same way (mouse
/// reports; focus, `ESC [ I`; OSC/DCS strings). Every sequence is consumed whole: one the program
/// has no key for is dropped, never read as the keys its bytes spell, and only a lone ESC is the
/// Escape key. SGR mouse reports (`ESC [ < b ; x ; y M`, `m` on release) become `.mouse` events;
/// X10's `ESC [ M` plus three raw bytes (which cannot say where a click beyond column 223 was)
/// and motion reports are dropped.
///
/// A lone ESC and the start of a sequence look alike until the next byte arrives, so the decoder
/// keeps an unfinished tail: when `isAwaitingMore` is true after `feed`, the caller waits a
/// little (the escape delay) for more bytes and calls `flush()` if none come.
public struct InputDecoder: Sendable {
    private var pending: [UInt8] = []
    /// Set after a sequence outgrew `sequenceLimit`: the rest of it is dropped as it arrives.
    private var discarding: Discarding?

    private enum Discarding: Sendable {
        /// Up to a CSI final byte (0x40–0x7E).
        case csi
        /// Up to BEL or ESC.
        case controlString
    }

    /// Longer sequences than this are not from a keyboard: they are dropped rather than buffered.
    private static let sequenceLimit = 4096

    public init() {}

    /// True when the bytes so far end in the middle of a key: a lone ESC, an unfinished escape
    /// sequence or an unfinished UTF-8 character.
    public var isAwaitingMore: Bool { !pending.isEmpty || discarding != nil }

    /// Adds `bytes` and returns the events they complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [TerminalEvent] {
        pending.append(contentsOf: bytes)
        return decode(atEnd: false)
    }

    /// Nothing more arrived in time: a lone ESC is the Escape key; an unfinished sequence or
    /// character is dropped.
    public mutating func flush() -> [TerminalEvent] {
        discarding = nil
        return decode(atEnd: true)
    }

    // MARK: Private

    private enum Step {
        /// `length` bytes make one input; `key` is nil when it is one the program has no key for.
        case done(length: Int, key: Key?)
        /// `length` bytes make one report that is not a key.
        case report(length: Int, event: TerminalEvent)
        /// The bytes so far are the start of something longer.
        case incomplete
        /// `length` bytes of a sequence too long to keep; the rest is dropped as `mode` says.
        case overlong(length: Int, mode: Discarding)
    }

    private mutating func decode(atEnd: Bool) -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var start = 0
        while start < pending.count {
            if let mode = discarding {
                let byte = pending[start]
                switch mode {
                case .csi:
                    if (0x20...0x3F).contains(byte) { start += 1; continue }
                    if (0x40...0x7E).contains(byte) { start += 1 }
                case .controlString:
                    if byte != 0x07 && byte != 0x1B { start += 1; continue }
                    if byte == 0x07 { start += 1 }
                }
                discarding = nil
                continue
            }
            var step = Self.parse(pending[start...])
            if case .overlong(let length, let mode) = step {
                start += length
                discarding = mode
                continue
            }
            if case .incomplete = step {
                guard atEnd else { break }
                step = Self.giveUp(pending[start...])
            }
            if case .report(let length, let event) = step {
                events.append(event)
                start += length
                continue
            }
            guard case .done(let length, let key) = step else { break }
            if let key { events.append(.key(key)) }
            start += length
        }
        pending.removeFirst(start)
        return events
    }

    /// What an unfinished tail means once no more bytes are coming.
    private static func giveUp(_ bytes: ArraySlice<UInt8>) -> Step {
        guard bytes.first == 0x1B else { return .done(length: 1, key: nil) }  // a broken UTF-8 character
        return bytes.count == 1 ? .done(length: 1, key: .escape) : .done(length: bytes.count, key: nil)
    }

    private static func parse(_ bytes: ArraySlice<UInt8>) -> Step {
        let i = bytes.startIndex
        let first = bytes[i]
        if first == 0x1B { return parseEscape(bytes) }
        if first < 0x80 { return .done(length: 1, key: controlOrASCII(first)) }
        return parseUTF8(bytes)
    }

    private static func parseEscape(_ bytes: ArraySlice<UInt8>) -> Step {
        let i = bytes.startIndex
        guard bytes.count >= 2 else { return .incomplete }
        let next = bytes[i + 1]
        switch next {
        case UInt8(ascii: "["):
            return parseCSI(bytes)
        case UInt8(ascii: "O"):
            return parseSS3(bytes)
        case UInt8(ascii: "P"), UInt8(ascii: "]"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
            return parseControlString(bytes)
        case 0x1B:
            // Alt plus a key that itself starts with ESC (Alt+Esc, Alt+arrow on some terminals).
            // In a run of ESCs each is dropped in turn, so a flood of them recurses no deeper.
            if bytes.count >= 3, bytes[i + 2] == 0x1B { return .done(length: 1, key: nil) }
            switch parseEscape(bytes.dropFirst()) {
            case .incomplete: return .incomplete
            case .done(let length, _), .report(let length, _): return .done(length: length + 1, key: nil)
            case .overlong(let length, let mode): return .overlong(length: length + 1, mode: mode)
            }
        case 0x80...:
            // Alt plus a non-ASCII character.
            switch parseUTF8(bytes.dropFirst()) {
            case .incomplete: return .incomplete
            case .done(let length, _), .report(let length, _): return .done(length: length + 1, key: nil)
            case .overlong(let length, let mode): return .overlong(length: length + 1, mode: mode)
            }
        default:
            // Alt+x, Alt+Enter, Ctrl-Alt-a, Alt+Backspace: the program binds no Alt keys.
            return .done(length: 2, key: nil)
        }
    }

    /// `ESC [` parameters (0x30–0x3F), intermediates (0x20–0x2F), one final byte (0x40–0x7E).
    private static func parseCSI(_ bytes: ArraySlice<UInt8>) -> Step {
        let i = bytes.startIndex
        let body = i + 2
        guard body < bytes.endIndex else { return .incomplete }
        if bytes[body] == UInt8(ascii: "M") {
            // An X10 mouse report: button, column and row as three raw bytes, any value.
            return bytes.count >= 6 ? .done(length: 6, key: nil) : .incomplete
        }
        if bytes[body] == UInt8(ascii: "[") {
            // The Linux console's F1–F5: ESC [ [ A … E.
            guard body + 1 < bytes.endIndex else { return .incomplete }
            let final = bytes[body + 1]
            let key: Key? = (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(final)
                ? .function(Int(final - UInt8(ascii: "A")) + 1) : nil
            return .done(length: 4, key: key)
        }
        var k = body
        while k < bytes.endIndex {
            let byte = bytes[k]
            switch byte {
            case 0x20...0x3F:
                // rxvt ends shifted keys with `$` (ESC [ 5 $); xterm never sends it as an intermediate.
                if byte == UInt8(ascii: "$"), bytes[body] != UInt8(ascii: "?") {
                    return .done(length: k + 1 - i, key: nil)
                }
                k += 1
                if k - i > sequenceLimit { return .overlong(length: k - i, mode: .csi) }
            case 0x40...0x7E:
                if bytes[body] == UInt8(ascii: "<"), let mouse = sgrMouse(parameters: bytes[(body + 1)..<k], final: byte) {
                    return .report(length: k + 1 - i, event: .mouse(mouse))
                }
                return .done(length: k + 1 - i, key: csiKey(parameters: bytes[body..<k], final: byte))
            default:
                // Not part of a sequence (a control byte, DEL, non-ASCII): drop what came before it.
                return .done(length: k - i, key: nil)
            }
        }
        return .incomplete
    }

    /// `ESC O` then an optional modifier (digits and `;`) and one final byte.
    private static func parseSS3(_ bytes: ArraySlice<UInt8>) -> Step {
        let i = bytes.startIndex
        var k = i + 2
        while k < bytes.endIndex, (0x30...0x3B).contains(bytes[k]) { k += 1 }
        guard k < bytes.endIndex else { return .incomplete }
        let final = bytes[k]
        guard (0x40...0x7E).contains(final) else { return .done(length: k - i, key: nil) }
        let modifier = modifierValue(bytes[(i + 2)..<k])
        return .done(length: k + 1 - i, key: ss3Key(final: final, modifier: modifier))
    }

    /// DCS, OSC, APC, PM and SOS: text up to BEL or ST (`ESC \`), never a key.
    private static func parseControlString(_ bytes: ArraySlice<UInt8>) -> Step {
        let i = bytes.startIndex
        var k = i + 2
        while k < bytes.endIndex {
            if bytes[k] == 0x07 { return .done(length: k + 1 - i, key: nil) }
            if bytes[k] == 0x1B {
                guard k + 1 < bytes.endIndex else { return .incomplete }
                // ST ends the string; any other ESC starts something new after a broken string.
                return .done(length: bytes[k + 1] == UInt8(ascii: "\\") ? k + 2 - i : k - i, key: nil)
            }
            k += 1
            if k - i > sequenceLimit { return .overlong(length: k - i, mode: .controlString) }
        }
        return .incomplete
    }

    private static func parseUTF8(_ bytes: ArraySlice<UInt8>) -> Step {
        let i = bytes.startIndex
        let lead = bytes[i]
        let length: Int
        let minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(lead & 0x07))
        default: return .done(length: 1, key: nil)
        }
        for k in 1..<length {
            guard i + k < bytes.endIndex else { return .incomplete }
            let byte = bytes[i + k]
            guard byte & 0xC0 == 0x80 else { return .done(length: k, key: nil) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return .done(length: length, key: nil) }
        // C1 controls (U+0080–U+009F) are not keys.
        return .done(length: length, key: value < 0xA0 ? nil : .character(Character(scalar)))
    }

    /// A single byte below 0x80: control keys by their usual names, the rest as characters.
    private static func controlOrASCII(_ byte: UInt8) -> Key? {
        switch byte {
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 0: return .control("@")
        case 1...26: return .control(Character(Unicode.Scalar(byte + 96)))
        case 28...31: return .control(Character(Unicode.Scalar(byte + 64)))
        default: return .character(Character(Unicode.Scalar(byte)))
        }
    }

    /// xterm's modifier parameter: 1 none, 2 Shift, 3 Alt, 5 Ctrl, and sums of those plus one.
    private static func modifierValue(_ digits: ArraySlice<UInt8>) -> Int {
        let last = digits.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).last ?? []
        return last.isEmpty ? 1 : number(last) ?? 0
    }

    private static func number(_ digits: some Collection<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9,
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// `b;x;y` then `M` (press, wheel) or `m` (release), x and y 1-based. In `b` the low two bits
    /// are the button, 4 Shift, 8 Alt, 16 Ctrl, 32 motion, 64 the wheel (64 up, 65 down).
    private static func sgrMouse(parameters: ArraySlice<UInt8>, final: UInt8) -> MouseEvent? {
        guard final == UInt8(ascii: "M") || final == UInt8(ascii: "m") else { return nil }
        let fields = parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard fields.count == 3, let code = number(fields[0]), let x = number(fields[1]), let y = number(fields[2]),
              x >= 1, y >= 1 else { return nil }
        var modifiers: MouseModifiers = []
        if code & 4 != 0 { modifiers.insert(.shift) }
        if code & 8 != 0 { modifiers.insert(.alt) }
        if code & 16 != 0 { modifiers.insert(.control) }
        // Motion (drags) and the extra buttons (128 and up) are asked for by no mode the program sets.
        guard code & 32 == 0, code < 128 else { return nil }
        let action: MouseEvent.Action
        if code & 64 != 0 {
            // Wheel left and right (66, 67) have no use here; the wheel has no release.
            guard final == UInt8(ascii: "M") else { return nil }
            switch code & 3 {
            case 0: action = .wheelUp
            case 1: action = .wheelDown
            default: return nil
            }
        } else {
            let button: MouseButton
            switch code & 3 {
            case 0: button = .left
            case 1: button = .middle
            case 2: button = .right
            default: return nil
            }
            action = final == UInt8(ascii: "M") ? .press(button) : .release(button)
        }
        return MouseEvent(action, x: x - 1, y: y - 1, modifiers: modifiers)
    }

    private static func csiKey(parameters: ArraySlice<UInt8>, final: UInt8) -> Key? {
        // Private parameters (`<` SGR mouse, `?`, `>`, `=`) and intermediates are reports, not keys.
        if let first = parameters.first, (0x3C...0x3F).contains(first) { return nil }
        guard parameters.allSatisfy({ (0x30...0x3B).contains($0) && $0 != UInt8(ascii: ":") }) else { return nil }
        let fields = parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard fields.count <= 2 else { return nil }
        let code = fields.first.flatMap { $0.isEmpty ? 1 : number($0) } ?? 1
        let modifier = fields.count == 2 ? number(fields[1]) ?? 0 : 1
        switch final {
        case UInt8(ascii: "~"):
            guard modifier == 1 else { return nil }
            switch code {
            case 1, 7: return .home
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11...15: return .function(code - 10)
            case 17...21: return .function(code - 11)
            case 23, 24: return .function(code - 12)
            default: return nil
            }
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"):
            // rxvt's shifted arrows.
            guard parameters.isEmpty else { return nil }
            return final == UInt8(ascii: "c") ? .shiftRight : final == UInt8(ascii: "d") ? .shiftLeft : nil
        default:
            guard code == 1 else { return nil }
            return cursorKey(final: final, modifier: modifier)
        }
    }

    /// SS3 keys: the cursor keys, and the keypad in application mode.
    private static func ss3Key(final: UInt8, modifier: Int) -> Key? {
        guard modifier == 1 else { return cursorKey(final: final, modifier: modifier) }
        switch final {
        case UInt8(ascii: "M"): return .enter
        // ESC O p … y are 0 … 9; ESC O j … o are * + , - . /
        case UInt8(ascii: "j")...UInt8(ascii: "y"): return .character(Character(Unicode.Scalar(final - 0x40)))
        default: return cursorKey(final: final, modifier: modifier)
        }
    }

    /// The keys CSI `1;m X` and SS3 `X` share: arrows, Home/End, F1–F4; Shift only on ← and →.
    private static func cursorKey(final: UInt8, modifier: Int) -> Key? {
        if modifier == 2 {
            switch final {
            case UInt8(ascii: "C"): return .shiftRight
            case UInt8(ascii: "D"): return .shiftLeft
            default: return nil
            }
        }
        guard modifier == 1 else { return nil }
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return .function(Int(final - UInt8(ascii: "P")) + 1)
        default: return nil
        }
    }
}
