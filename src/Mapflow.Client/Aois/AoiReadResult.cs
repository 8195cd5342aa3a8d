using System;

namespace Mapflow.Client.Aois
{
    /// <summary>The outcome for one source feature: exactly one of <see cref="Aoi"/> and <see cref="Problem"/> is set.</summary>
    public sealed class AoiReadResult
    {
        public AoiReadResult(Aoi aoi, string? nameProperty = null)
        {
            Aoi = aoi ?? throw new ArgumentNullException(nameof(aoi));
            NameProperty = nameProperty;
        }

        public AoiReadResult(AoiProblem problem, string? nameProperty = null)
        {
            Problem = problem ?? throw new ArgumentNullException(nameof(problem));
            NameProperty = nameProperty;
        }

        public Aoi? Aoi { get; }

        public AoiProblem? Problem { get; }

        /// <summary>The property whose value named the feature; null when it was named by its index.</summary>
        public string? NameProperty { get; }
    }
}
