namespace TokenGovernance.Audit.Configuration;

/// <summary>
/// A configuration problem (a missing or special file, unreadable JSON, an unknown key, a value out of range):
/// the CLI prints its lines as they are and exits 64. The message never holds a secret.
/// </summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
