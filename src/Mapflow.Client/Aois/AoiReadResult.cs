using System;

namespace Mapflow.Client.Aois
{
    /// <summary>The outcome for one source feature: exactly one of <see cref="Aoi"/> and <see cref="Problem"/> is set.</summary>
    public sealed class AoiReadResult
    {
        public AoiReadResult(Aoi aoi) => Aoi = aoi ?? throw new ArgumentNullException(nameof(aoi));

        public AoiReadResult(AoiProblem problem) => Problem = problem ?? throw new ArgumentNullException(nameof(problem));

        public Aoi? Aoi { get; }

        public AoiProblem? Problem { get; }
    }
}
