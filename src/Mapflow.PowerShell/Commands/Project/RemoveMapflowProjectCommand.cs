using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Deletes projects with every processing in them and their results (DELETE /projects/{id}), after one confirmation
/// that says how many processings go with them. The default project is refused before any request.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MapflowProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Project))]
public sealed class RemoveMapflowProjectCommand : MapflowSessionCmdlet
{
    private readonly List<object> _references = new();

    /// <summary>Project objects, ids or names.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(ProjectCompleter))]
    public object[] Project { get; set; } = Array.Empty<object>();

    /// <summary>Deletes without asking, for scripts; -WhatIf still only tells.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes each project once it is deleted.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => _references.AddRange(Project);

    protected override void EndProcessing()
    {
        var session = ResolveSession();
        // Each project read fresh, with the number of processings its listing says it holds (other clients' too).
        var found = ReadAll(_references, async (reference, cancel) =>
        {
            var project = await ProjectReference.ReadAsync(session, reference, cancel).ConfigureAwait(false);
            var page = await session.Client.GetProcessingPageAsync(project.Id, 0, 1, null, "CREATED", "DESC", cancel).ConfigureAwait(false);
            return (Project: project, Processings: page.Total ?? page.Returned);
        });

        var doomed = new List<(Project Project, int Processings)>();
        foreach (var entry in found.GroupBy(f => f.Project.Id).Select(g => g.First()))
        {
            if (entry.Project.IsDefault)
            {
                WriteError(ErrorRecords.Create("Project.IsDefault", ErrorCategory.InvalidOperation, entry.Project,
                    $"'{entry.Project.Name}' is the account's default project, which Mapflow does not delete. Remove its processings with " +
                    "Get-MapflowProcessing | Remove-MapflowProcessing instead."));
                continue;
            }
            doomed.Add(entry);
        }
        if (doomed.Count == 0) return;

        var processings = doomed.Sum(d => d.Processings);
        var names = FirstFew(doomed, d => $"'{d.Project.Name}' ({d.Processings} processing(s))");
        var target = doomed.Count == 1 ? names : $"{doomed.Count} projects: {names}";
        if (!ShouldProcessUnlessForced(Force, target, $"Delete {doomed.Count} Mapflow project(s) with their {processings} processing(s) and results, for good")) return;
        DeleteEach(doomed.Select(d => d.Project), (p, cancel) => session.Client.DeleteProjectAsync(p.Id, cancel), p => $"Deleted project '{p.Name}' ({p.Id}).", PassThru);
        session.ForgetProjects();
    }
}
