namespace Mapflow.Client.Aois
{
    /// <summary>Who a problem is about: the source, the feature index and the feature's name.</summary>
    internal sealed class FeatureContext
    {
        public FeatureContext(string? sourcePath, int index, string name)
        {
            SourcePath = sourcePath;
            Index = index;
            Name = name;
        }

        public string? SourcePath { get; }

        public int Index { get; }

        public string Name { get; }

        public AoiProblem Problem(string code, string message) => new AoiProblem(SourcePath, Index, Name, code, message);

        public AoiValidationException Fail(string code, string message) => new AoiValidationException(Problem(code, message));
    }
}
