namespace Mapflow.Emulator.State;

/// <summary>A project as stored; aggregates (AOI counts, progress) are computed from its processings when shown.</summary>
internal sealed record Project(
    Guid Id,
    string OwnerEmail,
    string Name,
    string Description,
    bool IsDefault,
    DateTimeOffset Created,
    DateTimeOffset Updated);

/// <summary>A project together with its processings, read under one lock so the two agree.</summary>
internal sealed record ProjectSnapshot(Project Project, IReadOnlyList<Processing> Processings);
