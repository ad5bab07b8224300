
namespace TokenGovernance.Audit.Model;

/// <summary>A reference with what it was resolved to: its state (<see cref="ReferenceStates"/>) and, when known, the token.</summary>
public sealed record ResolvedReference(FoundReference Reference, string State, Token? Token, string? MatchedBy = null)
{
    /// <summary>How a message names the token: by id when the reference was resolved to one.</summary>
    public string Which => Token is null ? "a token" : $"token {Token.Id}";
}
