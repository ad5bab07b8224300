namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>Proves that no token value, nor a 12-character piece of one, leaks into a text.</summary>
internal static class CanaryAssert
{
    public static void NoTokenIn(string text, IEnumerable<string> tokens, string where)
    {
        foreach (var token in tokens)
        {
            Assert.False(text.Contains(token, StringComparison.Ordinal), $"a token value leaked into {where}");
            for (var start = 0; start + 12 <= token.Length; start += 12)
            {
                Assert.False(text.Contains(token.Substring(start, 12), StringComparison.Ordinal), $"a piece of a token value leaked into {where}");
            }
        }
    }
}
