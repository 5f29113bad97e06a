namespace Tarantool.Agents.Models;

/// <summary>
/// How many model calls may be in flight at once, adapted to what the provider accepts (AIMD, as TCP congestion
/// control does): a 429 halves the limit to half the calls that were in flight when the provider refused, a run of
/// successes as long as the limit (and at least <see cref="MinSuccessRun"/>) adds one, and the limit stays between 1 and the configured maximum. A burst of 429s
/// from calls that were all started under the same limit halves it once, not once per refused call, so a burst does
/// not collapse the limit to 1 when one halving would do.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting's <c>ConcurrencyLimiter</c> (and Polly's strategy over it) has a fixed permit count;
/// a limit that moves while calls wait is this small class instead. Waiters are served first in, first out.
/// </remarks>
public sealed class AdaptiveConcurrencyLimiter
{
    private readonly object _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private int _limit;
    private int _inFlight;
    private int _successes;
    private long _epoch;
    private int _throttled;
    private int _peak;

    /// <summary>Answers in a row, at the least, before the limit rises by one.</summary>
    public const int MinSuccessRun = 8;

    /// <param name="maximum">The most calls at once; the limit starts there.</param>
    public AdaptiveConcurrencyLimiter(int maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, 1);
        Maximum = maximum;
        _limit = maximum;
    }

    /// <summary>The configured ceiling.</summary>
    public int Maximum { get; }

    /// <summary>The current limit.</summary>
    public int Limit
    {
        get { lock (_lock) return _limit; }
    }

    /// <summary>Calls the provider refused with 429 so far.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>The most calls that were ever in flight at once.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Waits for a slot; dispose the lease with the call's outcome.</summary>
    public async ValueTask<Lease> AcquireAsync(CancellationToken cancellationToken = default)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && _inFlight < _limit) return Grant();
            waiter = new Waiter();
            waiter.Node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() => Cancel(waiter, cancellationToken)))
            return await waiter.Completion.Task.ConfigureAwait(false);
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Already granted: the caller gets its lease and releases it as usual.
            if (waiter.Node?.List is null) return;
            _waiters.Remove(waiter.Node);
        }

        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    // Under the lock.
    private Lease Grant()
    {
        _inFlight++;
        if (_inFlight > _peak) Volatile.Write(ref _peak, _inFlight);
        return new Lease(this, _epoch);
    }

    private void Release(long epoch, CallOutcome outcome)
    {
        var granted = new List<(Waiter Waiter, Lease Lease)>();
        lock (_lock)
        {
            var inFlight = _inFlight;
            _inFlight--;
            switch (outcome)
            {
                case CallOutcome.Throttled:
                    Interlocked.Increment(ref _throttled);
                    // Only the first refusal of calls started under the current limit reacts; the rest of the burst
                    // was already answered by that halving.
                    if (epoch == _epoch)
                    {
                        _limit = Math.Max(1, Math.Min(_limit, inFlight) / 2);
                        _epoch++;
                        _successes = 0;
                    }

                    break;
                case CallOutcome.Succeeded:
                    // Probing upwards slowly: a limit that climbs back after every few calls would keep running into
                    // the provider's ceiling, so a run of at least MinSuccessRun answers (or a whole limit's worth)
                    // comes before each step.
                    if (++_successes >= Math.Max(_limit, MinSuccessRun))
                    {
                        _successes = 0;
                        if (_limit < Maximum) _limit++;
                    }

                    break;
            }

            while (_waiters.First is { } first && _inFlight < _limit)
            {
                _waiters.RemoveFirst();
                granted.Add((first.Value, Grant()));
            }
        }

        // Outside the lock: continuations run asynchronously anyway, but a cancelled waiter must not hold a slot.
        foreach (var (waiter, lease) in granted)
            if (!waiter.Completion.TrySetResult(lease)) lease.Dispose();
    }

    /// <summary>What became of a call that held a slot.</summary>
    public enum CallOutcome
    {
        /// <summary>Neither success nor throttling (another failure, a cancellation): the limit stays.</summary>
        Other,

        /// <summary>The provider answered.</summary>
        Succeeded,

        /// <summary>The provider refused with 429 (rate limited).</summary>
        Throttled,
    }

    /// <summary>One slot; <see cref="Dispose"/> releases it as <see cref="CallOutcome.Other"/> unless marked.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly AdaptiveConcurrencyLimiter _owner;
        private readonly long _epoch;
        private int _released;

        internal Lease(AdaptiveConcurrencyLimiter owner, long epoch)
        {
            _owner = owner;
            _epoch = epoch;
        }

        /// <summary>Releases the slot with the call's outcome (once; later calls do nothing).</summary>
        public void Release(CallOutcome outcome)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) _owner.Release(_epoch, outcome);
        }

        public void Dispose() => Release(CallOutcome.Other);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource<Lease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
