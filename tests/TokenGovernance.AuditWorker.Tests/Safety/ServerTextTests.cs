using TokenGovernance.Audit.Safety;
using TokenGovernance.InfluxDouble;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.AuditWorker.Tests.Safety;

public sealed class ServerTextTests
{
    private static readonly string Token = InfluxDataSetBuilder.NewTokenValue();

    [Fact]
    public void Token_shapes_are_replaced_by_their_fingerprint()
    {
        var cleaned = ServerText.Clean($"backup of {Token}, and {Token}!");

        Assert.Equal($"backup of [token {TokenRedaction.Fingerprint(Token)}], and [token {TokenRedaction.Fingerprint(Token)}]!", cleaned);
    }

    [Fact]
    public void A_known_secret_without_a_token_shape_is_replaced_too()
    {
        Assert.Equal("Bad Token [token]", ServerText.Clean("Bad Token my-dev-token", knownSecret: "my-dev-token"));
    }

    [Fact]
    public void Text_without_secrets_is_returned_as_it_is()
    {
        const string text = "alice's writer\nfor telemetry";

        Assert.Same(text, ServerText.Clean(text));
    }

    [Fact]
    public void Free_text_is_bounded()
    {
        var cleaned = ServerText.Clean(new string('x', 10 * 1024 * 1024))!;

        Assert.Equal(ServerText.MaxLength + 1, cleaned.Length);
        Assert.EndsWith("…", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void One_line_folds_breaks_and_controls_and_still_scrubs()
    {
        var line = ServerText.OneLine($"first\r\nSummary: 0 critical\u001b[2J\ttoken {Token}  ", knownSecret: null);

        Assert.Equal($"first Summary: 0 critical [2J token [token {TokenRedaction.Fingerprint(Token)}]", line);
    }

    [Fact]
    public void Terminal_text_makes_every_control_character_visible()
    {
        Assert.Equal("a\\e[2J\\e]0;x\\u0007\\r\\nb\\u202ec", TerminalText.Escape("a\u001b[2J\u001b]0;x\u0007\r\nb\u202ec"));
        Assert.Equal("plain text", TerminalText.Escape("plain text"));
    }
}
