namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// A token value tokengov holds for a moment: the one a re-issue created, on its way into the references that get it,
/// or an old one read from a reference to be replaced. It prints as its fingerprint, so a log line, an exception
/// message or a serializer that meets it by mistake shows nothing to use.
/// </summary>
public sealed class TokenSecret
{
    private readonly string _value;

    public TokenSecret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
        Fingerprint = TokenDetection.TokenRedaction.Fingerprint(value);
    }

    public string Fingerprint { get; }

    /// <summary>The value itself: for the one request, file or Secret it goes to.</summary>
    public string Reveal() => _value;

    public override string ToString() => $"[token {Fingerprint}]";
}
