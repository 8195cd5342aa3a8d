using Mapflow.Emulator.Catalog;
using Mapflow.Emulator.State;

namespace Mapflow.Emulator.Views;

/// <summary>A project on the wire (§5.5), with the owner and sharing sections QGIS dereferences.</summary>
internal sealed record ProjectDto(
    Guid Id,
    string Name,
    string Description,
    bool IsDefault,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    IReadOnlyList<WorkflowDef> WorkflowDefs,
    int AoiCount,
    long AoiArea,
    long Area,
    ProjectProgressDto Progress,
    ProjectUserDto User,
    ShareProjectDto ShareProject,
    ProcessingCountsDto ProcessingCounts,
    int TemplatesCount);

internal sealed record ProjectProgressDto(string Status, int PercentCompleted, IReadOnlyList<StatusDetailDto> Details, DateTimeOffset? CompletionDate);

internal sealed record StatusDetailDto(string Status, int Count, long Area, DateTimeOffset StatusUpdateDate);

internal sealed record ProjectUserDto(
    Guid Id, string Login, string Email, string Role, long AreaLimit, long AoiAreaLimit, long ProcessedArea,
    DateTimeOffset Created, DateTimeOffset Updated, bool IsPremium);

internal sealed record ShareProjectDto(IReadOnlyList<ShareEntryDto> Owners, IReadOnlyList<ShareEntryDto> Users);

internal sealed record ShareEntryDto(string Email, string Role);

internal sealed record ProcessingCountsDto(int Total, int Succeeded, int Failed, int InProgress, int Awaiting, int Cancelled, int Refunded, int Unprocessed);

internal static class ProjectView
{
    public static ProjectDto From(ProjectSnapshot snapshot, Account owner, EmulatorConfig config, DateTimeOffset userCreated, DateTimeOffset now)
    {
        var (project, processings) = (snapshot.Project, snapshot.Processings);
        var progress = processings.Select(p => (Processing: p, Progress: Lifecycle.At(p, now))).ToList();
        int Count(string status) => progress.Count(p => p.Progress.Status == status);

        return new ProjectDto(
            project.Id, project.Name, project.Description, project.IsDefault, project.Created, project.Updated,
            WorkflowDefs.OfProjects,
            processings.Sum(p => p.Aois.Count),
            processings.Sum(p => p.AoiArea),
            processings.Sum(p => p.AoiArea),
            Progress(progress),
            new ProjectUserDto(owner.User.Id, owner.User.Email, owner.User.Email, "USER", config.AccountAreaLimit,
                config.AoiAreaLimit, owner.ProcessedArea, userCreated, userCreated, false),
            new ShareProjectDto([new ShareEntryDto(owner.User.Email, "owner")], []),
            new ProcessingCountsDto(processings.Count,
                Count(ProcessingStatus.Ok), Count(ProcessingStatus.Failed), Count(ProcessingStatus.InProgress),
                Count(ProcessingStatus.Awaiting), Count(ProcessingStatus.Cancelled), Count(ProcessingStatus.Refunded),
                Count(ProcessingStatus.Unprocessed)),
            0);
    }

    /// <summary>Running while anything runs; OK when all succeeded; FAILED when all ended but some did not succeed.</summary>
    private static ProjectProgressDto Progress(IReadOnlyList<(Processing Processing, Progress Progress)> items)
    {
        if (items.Count == 0)
            return new ProjectProgressDto(ProcessingStatus.Unprocessed, 0, [], null);
        var details = items
            .GroupBy(i => i.Progress.Status)
            .Select(g => new StatusDetailDto(g.Key, g.Count(), g.Sum(i => i.Processing.AoiArea), g.Max(i => i.Progress.Updated)))
            .ToList();
        var allEnded = items.All(i => ProcessingStatus.IsTerminal(i.Progress.Status));
        var status = !allEnded ? ProcessingStatus.InProgress
            : items.All(i => i.Progress.Status == ProcessingStatus.Ok) ? ProcessingStatus.Ok
            : ProcessingStatus.Failed;
        var percent = (int)items.Average(i => i.Progress.PercentCompleted);
        return new ProjectProgressDto(status, percent, details, allEnded ? items.Max(i => i.Progress.Updated) : null);
    }
}
