namespace TokenGovernance.InfluxDouble;

/// <summary>Where a held request stops: before the server acts on it, or after (the change made, the answer not sent).</summary>
public enum HoldPoint
{
    BeforeHandling,
    AfterHandling,
}

/// <summary>
/// Holds the N-th request a server receives after <see cref="Arm"/> and never answers it, so that a test can kill the
/// client while exactly that call is in flight. Used as middleware by the double and by test fakes of other APIs.
/// </summary>
public sealed class RequestHold
{
    private readonly Lock _gate = new();
    private int _countdown;
    private HoldPoint _point;
    private bool _changesOnly;
    private TaskCompletionSource<string> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The held request (<c>METHOD /path</c>) once it arrived (and, after handling, once the server acted).</summary>
    public Task<string> Reached => _reached.Task;

    /// <summary>Holds the <paramref name="nth"/> request from now on (1 is the next one); with <paramref name="changesOnly"/>, counting only requests that change something (not GET).</summary>
    public void Arm(int nth, HoldPoint point, bool changesOnly = true)
    {
        lock (_gate)
        {
            _countdown = nth;
            _point = point;
            _changesOnly = changesOnly;
            _reached = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Runs <paramref name="next"/> unless this is the held request; that one waits until its client goes away.</summary>
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        HoldPoint? point = null;
        TaskCompletionSource<string> reached;
        lock (_gate)
        {
            reached = _reached;
            if (_countdown > 0 && !(_changesOnly && HttpMethods.IsGet(context.Request.Method)) && --_countdown == 0)
            {
                point = _point;
            }
        }

        if (point is null)
        {
            await next();
            return;
        }

        var call = context.Request.Method + " " + context.Request.Path;
        if (point == HoldPoint.AfterHandling)
        {
            // The server acts and writes its answer into a buffer that is never sent.
            context.Response.Body = new MemoryStream();
            await next();
        }

        reached.TrySetResult(call);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client died (the point of holding): nothing to answer.
        }
    }
}
