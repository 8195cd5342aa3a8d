using Xunit;

namespace Mapflow.Client.Tests;

/// <summary>
/// Tests that run when no other test does. StreamingMemoryTests measures retained memory process-wide; beside it,
/// other tests' objects were counted against the AOI reader (5.6 to 5.9 MB against its 2.7 MB limit).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotInParallel
{
    public const string Name = "not in parallel";
}
