/// What `update` asks of the program around it, besides changing the state: effects that are no
/// part of the state, so `update` stays the only writer of it and its answers can be tested.
public enum Command: Sendable, Equatable {
    /// Paint the whole screen afresh, not only what changed (Ctrl-L, after something wrote over it).
    case redrawScreen
}
