import PerceptronCore
import TerminalUI

/// What can happen to the visualiser. The clock lives outside: time arrives as `tick`.
public enum Message: Sendable, Equatable {
    /// `seconds` of wall-clock time have passed.
    case tick(seconds: Double)
    case key(Key)
    case resize(width: Int, height: Int)
}

/// The only place the state changes. Returns what else the program should do (usually nothing).
@discardableResult
public func update(_ state: inout AppState, _ message: Message) -> [Command] {
    switch message {
    case .tick(let seconds):
        guard state.running else { return [] }
        var due = state.takeDueSteps(after: seconds)
        if let stop = state.pauseAtStep {
            due = min(due, max(0, stop - state.step))
            if state.step + due >= stop { state.running = false; state.pauseAtStep = nil }
        }
        state.advance(by: due)
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
    case .key(.control("l")):
        // Redraws whatever is showing (help too) and leaves the notice alone: nothing changed.
        return [.redrawScreen]
    case .key(let key):
        state.notice = nil
        handle(key, &state)
    }
    return []
}

private func handle(_ key: Key, _ state: inout AppState) {
    if state.showHelp {
        // The overlay is modal: Esc and ? close it, q still quits.
        switch key {
        case .escape, .character("?"), .enter: state.showHelp = false
        case .character("q"), .control("c"): state.quitRequested = true
        default: break
        }
        return
    }
    // In a lesson the slide keys come first; every other key works inside the slide.
    if handleLessonKey(key, &state) { return }
    // Explain mode, the quiz and the landscape have keys of their own (n/→ and ← walk the phases).
    if handleExplainKey(key, &state) || handleLandscapeKey(key, &state) { return }
    switch key {
    case .character("q"), .escape, .control("c"):
        state.quitRequested = true
    case .character(" "):
        state.running.toggle()
    case .character("n"), .right:
        // One step per press, and only while paused: running, the clock sets the pace.
        if !state.running { state.advance(by: 1) }
    case .character("+"), .character("="):
        state.speedIndex = min(state.speedIndex + 1, Ladder.speeds.count - 1)
    case .character("-"), .character("_"):
        state.speedIndex = max(state.speedIndex - 1, 0)
    case .character("]"):
        state.setLearningRate(Ladder.higherLearningRate(than: state.trainer.learningRate))
    case .character("["):
        state.setLearningRate(Ladder.lowerLearningRate(than: state.trainer.learningRate))
    case .character("r"):
        state.restart(seed: state.trainer.seed)
        state.notice = "restarted from seed \(state.trainer.seed)"
    case .character("s"):
        let seed = state.nextSeed()
        state.restart(seed: seed)
        state.notice = "new seed \(seed)"
    case .up:
        state.selectedSample = (state.selectedSample + state.trainer.dataset.sampleCount - 1) % state.trainer.dataset.sampleCount
    case .down:
        state.selectedSample = (state.selectedSample + 1) % state.trainer.dataset.sampleCount
    case .character("l"):
        state.logScale.toggle()
    case .character("?"), .character("h"):
        state.showHelp = true
    case .character("t"):
        state.themeIndex = (state.themeIndex + 1) % state.themes.count
        state.notice = "theme \(state.theme.name)"
    case .character("p"):
        state.presenting.toggle()
        state.zoomedPanel = nil
    case .character("a"), .character("A"):
        let n = state.trainer.dataset.inputCount
        state.boundaryAxes = state.boundaryAxes.stepped(inputCount: n, forward: key == .character("a"))
    case .character(let c) where ("1"..."6").contains(c):
        // The same key again goes back to the full layout.
        let panel = c.wholeNumberValue.flatMap(Panel.init(rawValue:))
        state.zoomedPanel = state.zoomedPanel == panel ? nil : panel
    default:
        break
    }
}
