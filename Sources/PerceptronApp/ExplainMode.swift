import PerceptronCore
import TerminalUI

extension AppState {
    /// Whether the quiz is waiting for answers before it shows the update.
    public var quizIsAsking: Bool {
        explainPhase == .update && quiz.map { !$0.revealed } ?? false
    }

    /// The explanation of the current step (the engine's trace), laid out for `width` columns.
    func explanation(width: Int, ascii: Bool, trace: StepTrace? = nil) -> Explanation {
        let trace = trace ?? trainer.trace()
        var next = trainer
        next.advance()
        return Explanation(trace: trace, dataset: trainer.dataset, loss: trainer.model.loss, nextLoss: next.loss(), sample: selectedSample,
                           ascii: ascii, width: width)
    }

    /// The way each parameter actually moves in the current step, in `parameters` order.
    var parameterDirections: [Quiz.Direction?] {
        explanation(width: 80, ascii: true).parameterSteps.map { Quiz.direction(from: $0.before, to: $0.after) }
    }

    fileprivate mutating func enterPhase(_ phase: ExplainPhase) {
        explainPhase = phase
        explainScroll = 0
        if phase == .update { quiz?.ask(count: trainer.parameters.count) }
    }
}

/// The keys of explain mode and the quiz; returns whether `key` was one of them.
/// `x` and `Q` work anywhere; the rest only in explain mode, where n/→ and ← walk the phases
/// (four presses of n are exactly one step; ← from the forward phase steps back to the update).
func handleExplainKey(_ key: Key, _ state: inout AppState) -> Bool {
    switch key {
    case .character("x"):
        if state.explainPhase == nil { state.enterPhase(.forward) } else { state.explainPhase = nil }
        return true
    case .character("Q"):
        if state.quiz == nil {
            state.quiz = Quiz()
            if let phase = state.explainPhase { state.enterPhase(phase) } else { state.enterPhase(.forward) }
            state.notice = "quiz on: predict before the update"
        } else {
            state.quiz = nil
            state.notice = "quiz off"
        }
        return true
    default:
        break
    }
    guard let phase = state.explainPhase else { return false }
    let asking = state.quizIsAsking
    switch key {
    case .character("n"), .right:
        if asking {
            let truth = state.parameterDirections
            state.quiz?.reveal(truth: truth)
        } else if let next = phase.next {
            state.enterPhase(next)
        } else {
            state.advance(by: 1)
            state.enterPhase(.forward)
        }
    case .enter where asking:
        let truth = state.parameterDirections
        state.quiz?.reveal(truth: truth)
    case .left:
        // Back past the forward phase is the previous step's update: the run keeps every state.
        if let previous = phase.previous {
            state.enterPhase(previous)
        } else if state.step > 0 {
            state.running = false
            state.jump(to: state.step - 1)
            state.enterPhase(.update)
        }
    case .up where asking, .character("+") where asking, .character("=") where asking:
        state.quiz?.answer(.up)
    case .down where asking, .character("-") where asking, .character("_") where asking:
        state.quiz?.answer(.down)
    case .backspace where asking:
        state.quiz?.back()
    case .pageDown:
        state.explainScroll += 5
    case .pageUp:
        state.explainScroll = max(0, state.explainScroll - 5)
    default:
        return false
    }
    return true
}
