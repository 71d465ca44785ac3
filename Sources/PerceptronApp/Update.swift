import PerceptronCore
import TerminalUI

/// What can happen to the visualiser. The clock lives outside: time arrives as `tick`.
public enum Message: Sendable, Equatable {
    /// `seconds` of wall-clock time have passed.
    case tick(seconds: Double)
    case key(Key)
    /// A click or the wheel; what it does depends on what `view` shows there (`hitTest`).
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The edge wrote an export (`Command.export`) to this file.
    case exported(fileName: String, every: Int)
    /// The edge could not write an export: why, in a few words.
    case exportFailed(reason: String)
}

/// The only place the state changes. Returns the effects it asks the edge for.
@discardableResult
public func update(_ state: inout AppState, _ message: Message) -> [Command] {
    switch message {
    case .tick(let seconds):
        if state.goal != nil {
            state.continueTowardGoal()
        } else if state.running {
            var due = state.takeDueSteps(after: seconds)
            if let stop = state.pauseAtStep {
                due = min(due, max(0, stop - state.step))
                if state.step + due >= stop { state.running = false; state.pauseAtStep = nil }
            }
            state.advance(by: due)
        }
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
    case .key(.control("l")):
        // Redraws whatever is showing (help too) and leaves the notice alone: nothing changed.
        return [.redrawScreen]
    case .key(let key):
        state.notice = nil
        return handle(key, &state)
    case .mouse(let mouse):
        return handle(mouse, &state)
    case .exported(let fileName, let every):
        state.notice = "wrote \(fileName)" + (every > 1 ? " (a row every \(DisplayFormat.grouped(every)) states)" : "")
    case .exportFailed(let reason):
        state.notice = "not written: \(reason)"
    }
    return []
}

private func handle(_ key: Key, _ state: inout AppState) -> [Command] {
    if state.showHelp {
        // The overlay is modal: Esc and ? close it, q still quits.
        switch key {
        case .escape, .character("?"), .enter: state.showHelp = false
        case .character("q"), .control("c"): return [.quit]
        default: break
        }
        return []
    }
    // An open prompt takes every key first: "0.5" typed into it must not turn a lesson's page
    // at "." or answer the quiz at "-".
    if state.prompt != nil { return handlePrompt(key, &state) }
    // In a lesson the slide keys come first; every other key works inside the slide.
    if handleLessonKey(key, &state) { return state.quitRequested ? [.quit] : [] }
    // Explain mode, the quiz and the landscape have keys of their own (n/→ and ← walk the phases).
    if handleExplainKey(key, &state) || handleLandscapeKey(key, &state) { return [] }
    guard let action = KeyMap.action(for: key) else { return [] }
    if action != .jumpBack && action != .jumpForward { state.lastJump = nil }
    return perform(action, key: key, &state)
}

private func perform(_ action: Action, key: Key, _ state: inout AppState) -> [Command] {
    switch action {
    case .quit:
        return [.quit]
    case .redraw:
        return [.redrawScreen]
    case .explain, .quiz:
        _ = handleExplainKey(key, &state)
    case .landscape:
        _ = handleLandscapeKey(key, &state)
    case .runPause:
        state.running.toggle()
        state.goal = nil
    case .stepForward:
        // One step per press, and only while paused: running, the clock sets the pace.
        if !state.running { state.advance(by: 1) }
    case .stepBack:
        state.running = false
        if state.step > 0 { state.jump(to: state.step - 1) }
    case .jumpBack, .jumpForward:
        let forward = action == .jumpForward
        let size = state.lastJump.map { $0.forward == forward ? min($0.size * 10, 1_000_000_000) : 1 } ?? 1
        state.lastJump = (forward, size)
        state.running = false
        state.jump(to: forward ? state.step + size : max(0, state.step - size))
        if state.notice == nil { state.notice = (forward ? "jump +" : "jump −") + DisplayFormat.grouped(size) }
    case .goTo:
        state.prompt = Prompt(.goTo)
    case .first:
        state.running = false
        state.jump(to: 0)
    case .last:
        state.running = false
        state.jump(to: state.history.end)
    case .bookmark:
        if let index = state.bookmarks.firstIndex(of: state.step) {
            state.bookmarks.remove(at: index)
            state.notice = "bookmark at step \(DisplayFormat.grouped(state.step)) removed"
        } else {
            state.bookmarks.append(state.step)
            state.bookmarks.sort()
            state.notice = "bookmark at step \(DisplayFormat.grouped(state.step))"
        }
    case .nextBookmark:
        guard let target = state.bookmarks.first(where: { $0 > state.step }) ?? state.bookmarks.first else {
            state.notice = "no bookmarks yet: m marks this step"
            return []
        }
        state.running = false
        state.jump(to: target)
        state.notice = "bookmark \((state.bookmarks.firstIndex(of: target) ?? 0) + 1) of \(state.bookmarks.count)"
    case .edit:
        state.running = false
        state.prompt = Prompt(.edit(index: 0))
    case .export:
        return [.export(RunExport(run: state.history.run, through: state.history.end))]
    case .faster:
        state.speedIndex = min(state.speedIndex + 1, Ladder.speeds.count - 1)
    case .slower:
        state.speedIndex = max(state.speedIndex - 1, 0)
    case .learningRateUp:
        state.setLearningRate(Ladder.higherLearningRate(than: state.trainer.learningRate))
    case .learningRateDown:
        state.setLearningRate(Ladder.lowerLearningRate(than: state.trainer.learningRate))
    case .restart:
        state.restart(seed: state.history.run.setup.seed)
        state.notice = "restarted from seed \(state.trainer.seed)"
    case .newSeed:
        let seed = state.nextSeed()
        state.restart(seed: seed)
        state.notice = "new seed \(seed)"
    case .previousSample:
        state.selectedSample = (state.selectedSample + state.trainer.dataset.sampleCount - 1) % state.trainer.dataset.sampleCount
    case .nextSample:
        state.selectedSample = (state.selectedSample + 1) % state.trainer.dataset.sampleCount
    case .logScale:
        state.logScale.toggle()
    case .wholeRun:
        state.showWholeRun.toggle()
        state.notice = state.showWholeRun ? "loss: the whole run" : "loss: the recent states"
    case .help:
        state.showHelp = true
    case .theme:
        state.themeIndex = (state.themeIndex + 1) % state.themes.count
        state.notice = "theme \(state.theme.name)"
    case .present:
        state.presenting.toggle()
        state.zoomedPanel = nil
    case .nextAxes, .previousAxes:
        let n = state.trainer.dataset.inputCount
        state.boundaryAxes = state.boundaryAxes.stepped(inputCount: n, forward: action == .nextAxes)
    case .zoom:
        // The same key again goes back to the full layout.
        guard case .character(let c) = key, let panel = c.wholeNumberValue.flatMap(Panel.init(rawValue:)) else { break }
        state.zoomedPanel = state.zoomedPanel == panel ? nil : panel
    }
    return []
}

/// The mouse does what a key does (`KeyMap.mouse` lists it): the wheel over the loss plot or the
/// timeline is ← and →, a click on the timeline is a jump there, on a panel its zoom key, on a
/// predictions row ↑/↓ to that sample. Not while the help or a prompt is open, which keys alone
/// close, nor in explain mode and the quiz, where ← and → walk the phases.
private func handle(_ mouse: MouseEvent, _ state: inout AppState) -> [Command] {
    guard !state.showHelp, state.prompt == nil, state.lesson?.prompt == nil, state.explainPhase == nil,
          state.quiz == nil, let target = hitTest(state, x: mouse.x, y: mouse.y),
          let gesture = MouseGesture(mouse.action, on: target) else { return [] }
    switch (gesture, target) {
    case (.wheelOverTime, _):
        state.notice = nil
        state.lastJump = nil
        return mouse.action == .wheelUp ? perform(.stepBack, key: .left, &state) : perform(.stepForward, key: .right, &state)
    case (.clickTimeline, .timeline(let step)):
        state.notice = nil
        state.lastJump = nil
        state.running = false
        state.jump(to: step)
    case (.clickSample, .sample(let sample)):
        state.selectedSample = sample
    case (.clickPanel, .panel(let panel)):
        state.notice = nil
        state.zoomedPanel = state.zoomedPanel == panel ? nil : panel
    default:
        break
    }
    return []
}

/// Keys while a prompt is open: they edit it; Enter acts on it, Esc closes it.
private func handlePrompt(_ key: Key, _ state: inout AppState) -> [Command] {
    guard var prompt = state.prompt else { return [] }
    switch key {
    case .control("c"):
        return [.quit]
    case .escape:
        state.prompt = nil
        return []
    case .backspace:
        if !prompt.text.isEmpty { prompt.text.removeLast() }
    case .tab:
        if case .edit(let index) = prompt.kind {
            prompt.kind = .edit(index: (index + 1) % state.trainer.parameters.count)
        }
    case .character(let c) where Prompt.accepts(c, for: prompt.kind) && prompt.text.count < 24:
        prompt.text.append(c)
    case .enter:
        state.prompt = nil
        submit(prompt, &state)
        return []
    default:
        break
    }
    state.prompt = prompt
    return []
}

private func submit(_ prompt: Prompt, _ state: inout AppState) {
    switch prompt.kind {
    case .goTo:
        guard let target = Prompt.parseStep(prompt.text) else {
            state.notice = "go to: '\(prompt.text)' is not a step (use e.g. 1000, 10k, 2M)"
            return
        }
        state.running = false
        state.jump(to: target)
    case .edit(let index):
        guard let value = Double(prompt.text), value.isFinite else {
            state.notice = "edit: '\(prompt.text)' is not a finite number"
            return
        }
        let name = state.trainer.parameterNames[index]
        state.change(.parameter(index: index, value: value),
                     describedAs: "\(name) = \(DisplayFormat.compact(value, width: 9)) at step \(DisplayFormat.grouped(state.step))")
    }
}
