import TerminalUI

/// What a key asks the visualiser to do.
public enum Action: Sendable, Equatable {
    case runPause, stepForward, stepBack, jumpBack, jumpForward, goTo, first, last
    case bookmark, nextBookmark, edit, export
    case faster, slower, learningRateUp, learningRateDown, restart, newSeed
    case previousSample, nextSample, logScale, wholeRun, present, theme, nextAxes, previousAxes, zoom, redraw, help, quit
    /// Explain mode, the quiz and the landscape: their own handlers take these keys first.
    case explain, quiz, landscape
}

/// One binding: its keys, how the help and README name them, what it does, and its hint in the
/// bottom border (if it has one).
public struct KeyBinding: Sendable {
    /// Each key and what it does (a pair like `+  -` does opposite things under one line of help).
    public var actions: [(key: Key, action: Action)]
    public var keys: [Key] { actions.map(\.key) }
    /// The keys as the help overlay shows them, and in plain ASCII where that differs.
    public var label: String
    public var asciiLabel: String?
    /// A few words for the help overlay.
    public var help: String
    /// The README's wording, where it says more than `help`.
    public var details: String?
    public var hint: Hint?

    /// A key in the bottom border: its short label and word (another word while running).
    public struct Hint: Sendable {
        public var key: String
        public var asciiKey: String?
        public var text: String
        public var runningText: String?
        public var asciiText: String?
    }
}

/// Every key the visualiser knows, declared once: `update`, the help overlay, the key hints and
/// the README's table all read this list.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        bind([.character(" ")], "space", help: "run / pause", .runPause,
             hint: Hint(key: "space", text: "run", runningText: "pause")),
        bind([.character("n"), .right], "n  →", ascii: "n  Right", help: "one step forward (paused)",
             details: "one step forward (while paused)", .stepForward, hint: Hint(key: "n/→", asciiKey: "n", text: "step")),
        bind([.character("b"), .left], "b  ←", ascii: "b  Left", help: "one step back (pauses)", .stepBack,
             hint: Hint(key: "b/←", asciiKey: "b", text: "back")),
        bind([.character("<"), .shiftLeft], "<  ⇧←", ascii: "<  S-Left", help: "jump back 1, 10, 100 …",
             details: "jump back (pauses); repeated, the jump grows 10×: 1, 10, 100 … steps", .jumpBack),
        bind([.character(">"), .shiftRight], ">  ⇧→", ascii: ">  S-Right", help: "jump forward 1, 10, 100 …",
             details: "jump forward (pauses), growing the same way; past the end it trains", .jumpForward),
        bind([.character("g")], "g", help: "go to a step (10k, 2M …)",
             details: "go to a step: type it (`k`/`M` suffixes), Enter jumps, Esc cancels; beyond the end it trains up to it",
             .goTo),
        bind([.home], "Home", help: "state 0", details: "state 0 (pauses)", .first),
        bind([.end], "End", help: "the latest state", details: "the latest state of the run (pauses)", .last),
        bind([.character("m")], "m", help: "bookmark / unmark a step",
             details: "bookmark the current step (a mark on the timeline); again to remove it", .bookmark),
        bind([.character("'")], "'", help: "next bookmark (cycles)", details: "jump to the next bookmark, cycling", .nextBookmark),
        bind([.character("e")], "e", help: "edit a parameter by hand",
             details: "edit a parameter by hand: Tab picks it, type a value, Enter sets it (an event at this step)",
             .edit),
        bind([.character("w")], "w", help: "write the run as CSV",
             details: "write the run so far to `perceptron-run-<seed>-<step>.csv` (see [Export](#export-w))", .export),
        bind([.character("+"), .character("=")], "+  -", help: "faster / slower",
             details: "faster / slower: 1, 2, 5, 10, 20 … 1,000,000 steps per second", .faster,
             opposite: ([.character("-"), .character("_")], .slower), hint: Hint(key: "+/-", text: "speed")),
        bind([.character("]")], "]  [", help: "learning rate up / down",
             details: "learning rate up / down (0.001 … 100), live; in the past it discards the run after this step",
             .learningRateUp, opposite: ([.character("[")], .learningRateDown),
             hint: Hint(key: "]/[", text: "α", asciiText: "lr")),
        bind([.character("r")], "r", help: "restart from the same seed",
             details: "restart from the same seed (keeps the current learning rate)", .restart,
             hint: Hint(key: "r", text: "restart")),
        bind([.character("s")], "s", help: "restart with a new seed",
             details: "restart with a new random seed (shown on the status bar)", .newSeed,
             hint: Hint(key: "s", text: "new seed")),
        bind([.up], "↑  ↓", ascii: "Up Down", help: "sample in the diagram",
             details: "choose the sample traced through the diagram", .previousSample, opposite: ([.down], .nextSample),
             hint: Hint(key: "↑/↓", asciiKey: "Up/Dn", text: "sample")),
        bind([.character("l")], "l", help: "loss plot: log / linear", .logScale, hint: Hint(key: "l", text: "log")),
        bind([.character("v")], "v", help: "loss: whole run / recent",
             details: "loss plot and sparklines: the whole run from state 0 / the recent states", .wholeRun),
        bind([.character("p")], "p", help: "projection mode",
             details: "projection mode: step, loss and weights in big digits, thick lines", .present),
        bind([.character("t")], "t", help: "next colour theme", .theme),
        bind([.character("a")], "a  A", help: "boundary axes: next / prev",
             details: "decision boundary: the next / previous pair of inputs on its axes (x₁·x₂, x₁·x₃, x₂·x₃, …)", .nextAxes,
             opposite: ([.character("A")], .previousAxes)),
        bind((1...6).map { .character(Character(String($0))) }, "1 … 6", ascii: "1 .. 6",
             help: "zoom a panel / back",
             details: "zoom the diagram, weights, sigmoid, loss, predictions or decision boundary to the whole screen; again to go back",
             .zoom),
        bind([.character("x")], "x", help: "explain the step",
             details: "explain mode: the current step written out in four phases (see [Explain the step](#explain-the-step))",
             .explain),
        bind([.character("Q")], "Q", help: "quiz: predict the update",
             details: "quiz mode: before the update is shown, say which way each parameter will move", .quiz),
        bind([.character("7")], "7", help: "loss landscape / back",
             details: "the loss landscape on the whole screen; again to go back", .landscape),
        bind([.control("l")], "Ctrl-L", help: "redraw the whole screen",
             details: "redraw the whole screen (after something wrote over it)", .redraw),
        bind([.character("?"), .character("h")], "?", help: "this help (Esc closes it)", details: "help (Esc closes it)",
             .help, hint: Hint(key: "?", text: "help")),
        bind([.character("q"), .escape, .control("c")], "q  Esc", help: "quit",
             details: "quit (a lone Esc: Alt+key and other escape sequences never quit)", .quit, hint: Hint(key: "q", text: "quit")),
    ]

    /// The binding a key belongs to, if any.
    public static func binding(for key: Key) -> KeyBinding? {
        bindings.first { $0.keys.contains(key) }
    }

    /// What a key does.
    public static func action(for key: Key) -> Action? {
        binding(for: key)?.actions.first { $0.key == key }?.action
    }

    /// The README's table of keys, generated from `bindings` (a test keeps the README in step).
    public static var markdownTable: String {
        var lines = ["| key | what it does |", "|---|---|"]
        for binding in bindings {
            let keys = binding.label.split(separator: " ", omittingEmptySubsequences: true)
                .map { $0 == "…" ? "…" : "`\($0)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(binding.details ?? binding.help) |")
        }
        return lines.joined(separator: "\n")
    }

    /// What the mouse does, declared once: `update` dispatches on the same gestures, and the help
    /// overlay and the README's table read this list.
    public static let mouse: [MouseBinding] = [
        MouseBinding(.wheelOverTime, "wheel", "wheel over the loss plot or the timeline",
                     help: "loss plot, timeline: step", details: "a step back (up) or forward (down), as ← and →"),
        MouseBinding(.clickTimeline, "click", "click on the timeline",
                     help: "timeline: go to that step", details: "go to the state drawn in that column (pauses)"),
        MouseBinding(.clickSample, "click", "click on a predictions row",
                     help: "table row: select sample", details: "select that sample, as ↑/↓"),
        MouseBinding(.clickPanel, "click", "click on a panel",
                     help: "a panel: zoom it / back",
                     details: "zoom it to the whole screen, as its number key; a click on it again goes back"),
    ]

    /// The README's table of the mouse, generated from `mouse` (a test keeps the README in step).
    public static var mouseMarkdownTable: String {
        (["| mouse | what it does |", "|---|---|"] + mouse.map { "| \($0.longLabel) | \($0.details) |" })
            .joined(separator: "\n")
    }

    private typealias Hint = KeyBinding.Hint

    private static func bind(_ keys: [Key], _ label: String, ascii: String? = nil, help: String, details: String? = nil,
                             _ action: Action, opposite: (keys: [Key], action: Action)? = nil,
                             hint: KeyBinding.Hint? = nil) -> KeyBinding {
        var actions = keys.map { (key: $0, action: action) }
        if let opposite { actions += opposite.keys.map { (key: $0, action: opposite.action) } }
        return KeyBinding(actions: actions, label: label, asciiLabel: ascii, help: help, details: details, hint: hint)
    }
}

/// What a mouse report over a part of the screen amounts to.
public enum MouseGesture: Sendable, Equatable, CaseIterable {
    /// The wheel (either way) over the loss plot or the timeline.
    case wheelOverTime
    case clickTimeline
    /// A click on a predictions row.
    case clickSample
    /// A click anywhere else in a panel.
    case clickPanel

    /// The gesture `action` over `target` makes; nil for what the mouse leaves alone (a release,
    /// another button, the wheel over a panel that shows no time).
    public init?(_ action: MouseEvent.Action, on target: HitTarget) {
        switch (action, target) {
        case (.wheelUp, .timeline), (.wheelDown, .timeline), (.wheelUp, .panel(.loss)), (.wheelDown, .panel(.loss)):
            self = .wheelOverTime
        case (.press(.left), .timeline): self = .clickTimeline
        case (.press(.left), .sample): self = .clickSample
        case (.press(.left), .panel): self = .clickPanel
        default: return nil
        }
    }
}

/// One gesture as the help overlay (`label`, `help`) and the README (`longLabel`, `details`) name it.
public struct MouseBinding: Sendable {
    public var gesture: MouseGesture
    public var label: String
    public var longLabel: String
    /// A few words, ASCII only, short enough for a column of the help overlay.
    public var help: String
    public var details: String

    init(_ gesture: MouseGesture, _ label: String, _ longLabel: String, help: String, details: String) {
        self.gesture = gesture
        self.label = label
        self.longLabel = longLabel
        self.help = help
        self.details = details
    }
}
