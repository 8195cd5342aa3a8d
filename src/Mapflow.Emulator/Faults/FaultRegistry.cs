namespace Mapflow.Emulator.Faults;

/// <summary>Registered faults, consumed in registration order: a request takes the first matching one with uses left.</summary>
internal sealed class FaultRegistry
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];
    private int _nextId = 1;

    public int Add(FaultSpec spec)
    {
        lock (_gate)
        {
            var fault = new Fault(_nextId, spec);
            _nextId++;
            _faults.Add(fault);
            return fault.Id;
        }
    }

    public Fault? Take(HttpRequest request)
    {
        var sentPath = request.PathBase.Add(request.Path).Value ?? "/";
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Matches(request.Method, request.Path.Value ?? "/", sentPath));
            if (fault is not null)
                fault.Remaining--;
            return fault;
        }
    }

    public IReadOnlyList<object> List()
    {
        lock (_gate)
        {
            return _faults
                .Select(f => (object)new { f.Id, f.Method, f.Path, f.Kind, f.Remaining })
                .ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
            _nextId = 1;
        }
    }
}
