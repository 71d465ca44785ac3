import TerminalUI
import XCTest

/// Bytes from the terminal to keys. The sequences are the ones xterm, tmux, rxvt and the Linux
/// console send (xterm's ctlseqs document: "PC-Style Function Keys", "Mouse Tracking", "FocusIn").
final class InputDecoderTests: XCTestCase {
    /// Everything `bytes` decodes to, flushing at the end (as after the escape delay).
    private func keys(_ bytes: [UInt8]) -> [Key] {
        var decoder = InputDecoder()
        let events = decoder.feed(bytes) + decoder.flush()
        XCTAssertFalse(decoder.isAwaitingMore)
        return events.compactMap { if case .key(let key) = $0 { key } else { nil } }
    }

    private func keys(_ text: String) -> [Key] { keys(Array(text.utf8)) }

    private let esc = "\u{1B}"

    func testPlainTextAndControlKeys() {
        XCTAssertEqual(keys("q n+"), [.character("q"), .character(" "), .character("n"), .character("+")])
        XCTAssertEqual(keys("\r\n\t\u{7F}\u{08}"), [.enter, .enter, .tab, .backspace, .backspace])
        XCTAssertEqual(keys("\u{03}\u{0C}\u{00}\u{1C}"), [.control("c"), .control("l"), .control("@"), .control("\\")])
        XCTAssertEqual(keys("é→ŷ"), [.character("é"), .character("→"), .character("ŷ")])
        // A four-byte character (an emoji), then broken UTF-8: a stray continuation byte, an
        // overlong form of "/", a lead byte cut short by ASCII. Broken bytes are dropped, not keys.
        XCTAssertEqual(keys([0xF0, 0x9F, 0x98, 0x80]), [.character("😀")])
        XCTAssertEqual(keys([0x80, 0xC0, 0xAF, 0xE2, 0x86, 0x71]), [.character("q")])
    }

    func testALoneEscIsEscapeOnlyAfterTheDelay() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed([0x1B]), [])
        XCTAssertTrue(decoder.isAwaitingMore)
        XCTAssertEqual(decoder.flush(), [.key(.escape)])
        // The same ESC followed in time by "[A" is the up arrow, not Escape.
        XCTAssertEqual(decoder.feed([0x1B]), [])
        XCTAssertEqual(decoder.feed(Array("[A".utf8)), [.key(.up)])
        XCTAssertFalse(decoder.isAwaitingMore)
    }

    func testAltKeysAreNeverEscapeNorTheKeyItself() {
        for alt in ["x", "q", " ", "\r", "\u{01}", "\u{7F}", "é", "[", "O", "P", "]", esc] {
            XCTAssertEqual(keys(esc + alt), [], "Alt+\(alt.unicodeScalars.map { $0.value })")
        }
        // What follows an Alt key is read normally.
        XCTAssertEqual(keys(esc + "x" + "n"), [.character("n")])
        XCTAssertEqual(keys(esc + "\r" + "q"), [.character("q")])
    }

    func testCursorAndFunctionKeysInEveryCommonForm() {
        let expected: [(String, Key)] = [
            ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left), ("OA", .up), ("OD", .left),
            ("[H", .home), ("[F", .end), ("OH", .home), ("OF", .end), ("[1~", .home), ("[4~", .end),
            ("[7~", .home), ("[8~", .end), ("[5~", .pageUp), ("[6~", .pageDown),
            ("OP", .function(1)), ("OS", .function(4)), ("[11~", .function(1)), ("[15~", .function(5)),
            ("[17~", .function(6)), ("[21~", .function(10)), ("[23~", .function(11)), ("[24~", .function(12)),
            ("[[A", .function(1)), ("[[E", .function(5)), ("[1;1A", .up), ("OM", .enter),
            ("Ok", .character("+")), ("Om", .character("-")), ("Op", .character("0")), ("Oy", .character("9")),
        ]
        for (sequence, key) in expected {
            XCTAssertEqual(keys(esc + sequence), [key], "ESC \(sequence)")
        }
    }

    func testShiftLeftAndRight() {
        XCTAssertEqual(keys(esc + "[1;2D" + esc + "[1;2C"), [.shiftLeft, .shiftRight])
        XCTAssertEqual(keys(esc + "O2D" + esc + "[d" + esc + "[c"), [.shiftLeft, .shiftLeft, .shiftRight])
        // Other modifiers and Shift on other keys are not keys the program knows: dropped whole.
        for sequence in ["[1;2A", "[1;5C", "[1;3D", "[1;2H", "[5;2~", "[1;2P", "[Z", "[2~", "[3~", "[200~"] {
            XCTAssertEqual(keys(esc + sequence + "n"), [.character("n")], "ESC \(sequence)")
        }
    }

    func testMouseAndFocusReportsAreDroppedWhole() {
        // X10: ESC [ M, then button+32, column+32, row+32 as raw bytes; a left click at (0, 0)
        // is "ESC [ M space ! !", which used to read as space (run/pause).
        XCTAssertEqual(keys(esc + "[M !!"), [])
        XCTAssertEqual(keys(Array((esc + "[M").utf8) + [0x23, 0xFF, 0xFE] + Array("q".utf8)), [.character("q")])
        XCTAssertEqual(keys(esc + "[<0;10;5M" + esc + "[<0;10;5m" + esc + "[<64;200;100M"), [])
        XCTAssertEqual(keys(esc + "[I" + esc + "[O" + "n"), [.character("n")])
        // Terminal replies: cursor position, device attributes, an OSC colour reply (BEL and ST).
        XCTAssertEqual(keys(esc + "[12;40R" + esc + "[?62;22c" + esc + "]11;rgb:0000/0000/0000\u{07}"
                            + esc + "P1$r0m" + esc + "\\" + "q"), [.character("q")])
    }

    func testSequencesSplitAcrossReadsWaitForTheirEnd() {
        var decoder = InputDecoder()
        let bytes = Array((esc + "[<0;10;5M" + esc + "[1;2D" + "é").utf8)
        var events: [TerminalEvent] = []
        for byte in bytes {
            events += decoder.feed([byte])
        }
        XCTAssertEqual(events, [.mouse(MouseEvent(.press(.left), x: 9, y: 4)), .key(.shiftLeft), .key(.character("é"))])
        XCTAssertFalse(decoder.isAwaitingMore)
        // Cut off in the middle (nothing more came within the delay): dropped, not read as keys.
        XCTAssertEqual(decoder.feed(Array((esc + "[<0;1").utf8)), [])
        XCTAssertTrue(decoder.isAwaitingMore)
        XCTAssertEqual(decoder.flush(), [])
        XCTAssertEqual(decoder.feed(Array("q".utf8)), [.key(.character("q"))])
    }

    func testAControlByteInsideASequenceEndsItAndCounts() {
        // A broken sequence is dropped up to the byte that cannot belong to it; Ctrl-C still quits.
        XCTAssertEqual(keys(esc + "[1;\u{03}"), [.control("c")])
        XCTAssertEqual(keys(esc + "[1;" + esc + "[A"), [.up])
    }

    func testAFloodDecodesEveryKeyInOrder() {
        let flood = String(repeating: "x", count: 10_000) + "q"
        let decoded = keys(flood)
        XCTAssertEqual(decoded.count, 10_001)
        XCTAssertEqual(decoded.last, .character("q"))
    }

    func testARunOfEscapesIsNoKey() {
        // Not one key (a lone Esc comes alone), and no deeper work for a longer run.
        XCTAssertEqual(keys(Array(repeating: 0x1B, count: 100_000)), [])
        XCTAssertEqual(keys(Array(repeating: 0x1B, count: 100_000) + Array("xq".utf8)), [.character("q")])
        XCTAssertEqual(keys(esc + esc + "[A" + "n"), [.character("n")], "Alt+↑")
    }

    func testAnEndlessSequenceIsNotBufferedForever() {
        // Kept only up to a limit, but dropped to its end: its parameters never become keys.
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed(Array((esc + "[" + String(repeating: "1;", count: 5000)).utf8)), [])
        XCTAssertEqual(decoder.feed(Array("1;1~q".utf8)), [.key(.character("q"))])
        XCTAssertEqual(decoder.feed(Array((esc + "]" + String(repeating: "x", count: 5000) + "\u{07}n").utf8)),
                       [.key(.character("n"))])
    }

    // MARK: SGR mouse reports (xterm's ctlseqs, "SGR (1006)": ESC [ < b ; x ; y M, m on release)

    private func events(_ text: String) -> [TerminalEvent] {
        var decoder = InputDecoder()
        let events = decoder.feed(Array(text.utf8)) + decoder.flush()
        XCTAssertFalse(decoder.isAwaitingMore)
        return events
    }

    func testSGRPressAndReleaseAreZeroBasedCells() {
        XCTAssertEqual(events(esc + "[<0;10;5M" + esc + "[<0;10;5m"),
                       [.mouse(MouseEvent(.press(.left), x: 9, y: 4)), .mouse(MouseEvent(.release(.left), x: 9, y: 4))])
        XCTAssertEqual(events(esc + "[<1;1;1M" + esc + "[<2;80;24m"),
                       [.mouse(MouseEvent(.press(.middle), x: 0, y: 0)), .mouse(MouseEvent(.release(.right), x: 79, y: 23))])
    }

    func testSGRWheel() {
        XCTAssertEqual(events(esc + "[<64;3;4M" + esc + "[<65;3;4M"),
                       [.mouse(MouseEvent(.wheelUp, x: 2, y: 3)), .mouse(MouseEvent(.wheelDown, x: 2, y: 3))])
        // Sideways wheel (66, 67) and motion (32 + button) are no events, and no keys either.
        XCTAssertEqual(events(esc + "[<66;3;4M" + esc + "[<67;3;4M" + esc + "[<32;3;4M" + esc + "[<128;3;4M" + "q"),
                       [.key(.character("q"))])
    }

    func testSGRModifiers() {
        // 4 Shift, 8 Alt (Meta), 16 Ctrl, on buttons and the wheel alike.
        XCTAssertEqual(events(esc + "[<4;2;2M" + esc + "[<24;2;2m" + esc + "[<81;2;2M"), [
            .mouse(MouseEvent(.press(.left), x: 1, y: 1, modifiers: .shift)),
            .mouse(MouseEvent(.release(.left), x: 1, y: 1, modifiers: [.alt, .control])),
            .mouse(MouseEvent(.wheelDown, x: 1, y: 1, modifiers: .control)),
        ])
    }

    func testSGRHugeOrBrokenCoordinatesAreDroppedWhole() {
        // Far beyond any screen is still a cell; more digits than an Int32 holds, zero, missing or
        // extra fields are no event, and none of their bytes become keys.
        XCTAssertEqual(events(esc + "[<0;2000;1000M"), [.mouse(MouseEvent(.press(.left), x: 1999, y: 999))])
        XCTAssertEqual(events(esc + "[<0;99999999999999;5M" + esc + "[<0;0;5M" + esc + "[<0;5M" + esc + "[<0;1;2;3M"
                              + esc + "[<;1;1M" + esc + "[<0;1;1X" + "n"), [.key(.character("n"))])
    }

    func testATruncatedSGRReportIsNoEvent() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed(Array((esc + "[<0;10;").utf8)), [])
        XCTAssertTrue(decoder.isAwaitingMore)
        XCTAssertEqual(decoder.flush(), [])
        // Split anywhere, a whole report still arrives as one event.
        XCTAssertEqual(decoder.feed(Array((esc + "[<6").utf8)) + decoder.feed(Array("5;7;8M".utf8)),
                       [.mouse(MouseEvent(.wheelDown, x: 6, y: 7))])
        // X10 reports stay dropped whole, even now that SGR ones are events.
        XCTAssertEqual(decoder.feed(Array((esc + "[M !!q").utf8)), [.key(.character("q"))])
    }
}
