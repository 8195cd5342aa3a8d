namespace Mapflow.Client.Aois
{
    /// <summary>Who a problem is about: the source, the feature index and the feature's name.</summary>
    internal sealed class FeatureContext
    {
        public FeatureContext(string? sourcePath, int index, string name, string? nameProperty = null)
        {
            SourcePath = sourcePath;
            Index = index;
            Name = name;
            NameProperty = nameProperty;
        }

        public FeatureContext(string? sourcePath, int index, AoiName name)
            : this(sourcePath, index, name.Text, name.Property)
        {
        }

        public string? SourcePath { get; }

        public int Index { get; }

        public string Name { get; }

        /// <summary>The property the name came from; null when it is the index (or was given directly).</summary>
        public string? NameProperty { get; }

        public AoiReadResult Result(Aoi aoi) => new AoiReadResult(aoi, NameProperty);

        public AoiReadResult Result(AoiProblem problem) => new AoiReadResult(problem, NameProperty);

        public AoiProblem Problem(string code, string message) => new AoiProblem(SourcePath, Index, Name, code, message);

        public AoiValidationException Fail(string code, string message) => new AoiValidationException(Problem(code, message));
    }
}
