/// Predict, then see: before the update phase is shown, the student says which way each parameter
/// will move; Enter reveals the update with every answer marked, and a running score.
public struct Quiz: Sendable, Equatable {
    public enum Direction: Sendable, Equatable {
        case up, down
    }

    /// One answer per parameter of the current step (nil: not answered yet).
    public private(set) var answers: [Direction?] = []
    /// The parameter the next answer is for.
    public private(set) var cursor = 0
    /// Whether the current step's answers have been revealed.
    public private(set) var revealed = false
    /// The running score over every revealed step: answers right, and answers given.
    public private(set) var right = 0
    public private(set) var answered = 0

    public init() {}

    /// A fresh question for a step with `count` parameters; the score carries on.
    mutating func ask(count: Int) {
        answers = Array(repeating: nil, count: count)
        cursor = 0
        revealed = false
    }

    /// Records an answer for the parameter under the cursor and moves on to the next.
    mutating func answer(_ direction: Direction) {
        guard !revealed, answers.indices.contains(cursor) else { return }
        answers[cursor] = direction
        cursor = min(cursor + 1, answers.count - 1)
    }

    /// Moves the cursor to the previous parameter (to change an answer).
    mutating func back() {
        if !revealed { cursor = max(cursor - 1, 0) }
    }

    /// Marks every answer against `truth` (the direction each parameter actually moved; nil where
    /// it did not move, which is not scored) and adds them to the score. Once per question.
    mutating func reveal(truth: [Direction?]) {
        guard !revealed else { return }
        revealed = true
        for (given, actual) in zip(answers, truth) {
            guard let given, let actual else { continue }
            answered += 1
            if given == actual { right += 1 }
        }
    }

    /// The direction a parameter moved from `before` to `after`; nil when it stayed put.
    static func direction(from before: Double, to after: Double) -> Direction? {
        after > before ? .up : after < before ? .down : nil
    }
}
