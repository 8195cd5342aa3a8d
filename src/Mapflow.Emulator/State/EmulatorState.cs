using Mapflow.Emulator.Catalog;
namespace Mapflow.Emulator.State;

/// <summary>What a user has left and has used, for <c>/user/status</c> and project owner sections.</summary>
internal sealed record Account(UserAccount User, int RemainingCredits, long ProcessedArea);

/// <summary>
/// Everything the emulator remembers: runtime config, balances, projects and processings.
/// Clients fire concurrent requests, so every read and write goes through one lock; stored
/// records are immutable, so what a method returns stays consistent after the lock is released.
/// Lookups are per user: another user's project or processing is "not found".
/// </summary>
internal sealed class EmulatorState
{
    private readonly object _gate = new();
    private readonly EmulatorConfig _startupConfig;
    private readonly Dictionary<string, int> _credits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _processedArea = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Project> _projects = [];
    private readonly Dictionary<Guid, Processing> _processings = [];
    private EmulatorConfig _config;

    public EmulatorState(EmulatorOptions options)
    {
        Users = UserAccount.ParseList(options.Users);
        _startupConfig = _config = options.ToConfig();
        ResetBalances();
    }

    public IReadOnlyList<UserAccount> Users { get; }

    /// <summary>Fixed at start so user timestamps do not move on reset.</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public EmulatorConfig Config
    {
        get { lock (_gate) return _config; }
    }

    /// <summary>Changing remainingCredits sets every user's balance to it, so tests can provoke a refusal for want of credits.</summary>
    public EmulatorConfig UpdateConfig(EmulatorConfigPatch patch)
    {
        lock (_gate)
        {
            _config = patch.ApplyTo(_config);
            if (patch.RemainingCredits is not null)
                ResetBalances();
            return _config;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _config = _startupConfig;
            _projects.Clear();
            _processings.Clear();
            ResetBalances();
        }
    }

    public Account AccountOf(UserAccount user)
    {
        lock (_gate) return new Account(user, _credits[user.Email], _processedArea[user.Email]);
    }

    // ---- Projects ----

    public IReadOnlyList<ProjectSnapshot> Projects(UserAccount user)
    {
        lock (_gate)
        {
            EnsureDefaultProject(user);
            return _projects.Values
                .Where(p => p.OwnerEmail == user.Email)
                .OrderBy(p => p.Created)
                .Select(Snapshot)
                .ToList();
        }
    }

    /// <summary>Accepts the literal id <c>default</c>, as QGIS sends it.</summary>
    public ProjectSnapshot GetProject(UserAccount user, string id)
    {
        lock (_gate) return Snapshot(FindProject(user, id));
    }

    public ProjectSnapshot CreateProject(UserAccount user, string name, string? description)
    {
        lock (_gate)
        {
            EnsureDefaultProject(user);
            var now = DateTimeOffset.UtcNow;
            var project = new Project(Guid.NewGuid(), user.Email, name, description ?? "", false, now, now);
            AddProject(user, project);
            return Snapshot(project);
        }
    }

    public ProjectSnapshot UpdateProject(UserAccount user, string id, string? name, string? description)
    {
        lock (_gate)
        {
            var project = FindProject(user, id);
            project = project with
            {
                Name = name ?? project.Name,
                Description = description ?? project.Description,
                Updated = DateTimeOffset.UtcNow,
            };
            _projects[project.Id] = project;
            return Snapshot(project);
        }
    }

    /// <summary>Removes the project and its processings; the default project cannot go.</summary>
    public void DeleteProject(UserAccount user, string id)
    {
        lock (_gate)
        {
            var project = FindProject(user, id);
            if (project.IsDefault)
                throw ApiException.BadRequest("The default project cannot be deleted");
            _projects.Remove(project.Id);
            foreach (var processing in _processings.Values.Where(p => p.ProjectId == project.Id).ToList())
                _processings.Remove(processing.Id);
        }
    }

    // ---- Processings ----

    public IReadOnlyList<Processing> Processings(UserAccount user)
    {
        lock (_gate) return _processings.Values.Where(p => p.OwnerEmail == user.Email).ToList();
    }

    public Processing GetProcessing(UserAccount user, string id)
    {
        lock (_gate) return FindProcessing(user, id);
    }

    /// <summary>The project a new processing goes to: the given one, or the default project when none is given.</summary>
    public Guid ResolveProjectId(UserAccount user, string? projectId)
    {
        lock (_gate) return projectId is null ? EnsureDefaultProject(user).Id : FindProject(user, projectId).Id;
    }

    /// <summary>Charges the cost and stores the processing in one step, so concurrent creates cannot overspend.</summary>
    public Processing AddProcessing(UserAccount user, Processing processing)
    {
        lock (_gate)
        {
            var project = FindProject(user, processing.ProjectId.ToString());
            var credits = _credits[user.Email];
            if (processing.Cost > credits)
                throw new ApiException(StatusCodes.Status400BadRequest, ApiException.GenericCode,
                    $"Not enough credits: the processing costs {processing.Cost}, remaining credits: {credits}",
                    new Dictionary<string, string>
                    {
                        ["cost"] = ApiException.Str(processing.Cost),
                        ["remainingCredits"] = ApiException.Str(credits),
                    });
            _credits[user.Email] = credits - processing.Cost;
            _processedArea[user.Email] += processing.AoiArea;
            _processings[processing.Id] = processing;
            _projects[project.Id] = project with { Updated = processing.Created };
            return processing;
        }
    }

    /// <summary>Applies a change atomically; the change may throw an <see cref="ApiException"/> to refuse it.</summary>
    public Processing UpdateProcessing(UserAccount user, string id, Func<Processing, Processing> change)
    {
        lock (_gate)
        {
            var updated = change(FindProcessing(user, id));
            FindProject(user, updated.ProjectId.ToString());
            _processings[updated.Id] = updated;
            return updated;
        }
    }

    public void DeleteProcessing(UserAccount user, string id)
    {
        lock (_gate) _processings.Remove(FindProcessing(user, id).Id);
    }

    public Processing? ProcessingByVectorLayer(UserAccount user, Guid layerId)
    {
        lock (_gate) return _processings.Values.FirstOrDefault(p => p.OwnerEmail == user.Email && p.VectorLayerId == layerId);
    }

    // ---- Control API (any user) ----

    public IReadOnlyList<Processing> AllProcessings()
    {
        lock (_gate) return _processings.Values.OrderBy(p => p.Created).ToList();
    }

    /// <summary>Forces a status and, when given, a review status; moving to REFUNDED gives the cost back, as an admin refund would.</summary>
    public Processing ForceStatus(string id, Func<Processing, ForcedStatus?> force, ReviewStatus? review = null)
    {
        lock (_gate)
        {
            var processing = Guid.TryParse(id, out var guid) && _processings.TryGetValue(guid, out var p)
                ? p
                : throw ApiException.NotFound("Processing", id);
            var forced = force(processing);
            if (forced?.Status == ProcessingStatus.Refunded && processing.Forced?.Status != ProcessingStatus.Refunded)
                _credits[processing.OwnerEmail] += processing.Cost;
            var updated = processing with { Forced = forced, Review = review ?? processing.Review, Updated = DateTimeOffset.UtcNow };
            _processings[updated.Id] = updated;
            return updated;
        }
    }

    // ---- Helpers (call with the lock held) ----

    private void ResetBalances()
    {
        foreach (var user in Users)
        {
            _credits[user.Email] = _config.RemainingCredits;
            _processedArea[user.Email] = 0;
        }
    }

    private Project EnsureDefaultProject(UserAccount user)
    {
        var existing = _projects.Values.FirstOrDefault(p => p.OwnerEmail == user.Email && p.IsDefault);
        if (existing is not null)
            return existing;
        var now = DateTimeOffset.UtcNow;
        var project = new Project(Guid.NewGuid(), user.Email, "Default", "", true, now, now);
        AddProject(user, project);
        return project;
    }

    /// <summary>Stores a new project with the processings other clients made in it (config OtherClientProcessings).</summary>
    private void AddProject(UserAccount user, Project project)
    {
        _projects[project.Id] = project;
        foreach (var processing in OtherClients.Seed(user, project.Id, _config.OtherClientProcessings, _config, project.Created))
            _processings[processing.Id] = processing;
    }

    private Project FindProject(UserAccount user, string id)
    {
        if (id == "default")
            return EnsureDefaultProject(user);
        return Guid.TryParse(id, out var guid) && _projects.TryGetValue(guid, out var project) && project.OwnerEmail == user.Email
            ? project
            : throw ApiException.NotFound("Project", id);
    }

    private Processing FindProcessing(UserAccount user, string id) =>
        Guid.TryParse(id, out var guid) && _processings.TryGetValue(guid, out var processing) && processing.OwnerEmail == user.Email
            ? processing
            : throw ApiException.NotFound("Processing", id);

    private ProjectSnapshot Snapshot(Project project) =>
        new(project, _processings.Values.Where(p => p.ProjectId == project.Id).OrderBy(p => p.Created).ToList());
}
