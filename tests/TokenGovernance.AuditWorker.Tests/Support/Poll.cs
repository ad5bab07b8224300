namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>Waits for something a running worker will do: polls a condition, fails with a description after a timeout.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describeFailure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, describeFailure());
            await Task.Delay(200);
        }
    }
}
