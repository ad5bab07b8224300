namespace TokenGovernance.Audit.Auditing;

/// <summary>
/// A target could not be read as configured: its API failed (a product client's exceptions derive from this), or
/// it answered without what the configuration asks for (an organization it does not show). The message is one line
/// that names the call or the setting and never holds a token.
/// </summary>
public class TargetReadException(string message, Exception? inner = null) : Exception(message, inner);
