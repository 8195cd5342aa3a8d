using System;

namespace Mapflow.Client.Aois
{
    /// <summary>Thrown by <see cref="Aoi.FromGeometry"/> when the geometry cannot be an AOI.</summary>
    public sealed class AoiValidationException : Exception
    {
        public AoiValidationException(AoiProblem problem)
            : base(problem.Message) => Problem = problem;

        public AoiProblem Problem { get; }
    }
}
