namespace Mapflow.Client.Aois
{
    /// <summary>Why one feature (or a group of AOIs) cannot be sent. <see cref="Code"/> is a stable contract.</summary>
    public sealed class AoiProblem
    {
        public AoiProblem(string? sourcePath, int index, string? name, string code, string message)
        {
            SourcePath = sourcePath;
            Index = index;
            Name = name;
            Code = code;
            Message = message;
        }

        public string? SourcePath { get; }

        /// <summary>0-based feature index in the source; -1 when the problem concerns a whole group.</summary>
        public int Index { get; }

        public string? Name { get; }

        /// <summary>One of <see cref="AoiProblemCodes"/>; becomes the PowerShell ErrorId <c>Aoi.&lt;Code&gt;</c>.</summary>
        public string Code { get; }

        public string Message { get; }

        public override string ToString() => $"{Code}: {Message}";
    }
}
