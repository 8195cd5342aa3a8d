using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommon.New, "MapflowProject", SupportsShouldProcess = true)]
[OutputType(typeof(Project))]
public sealed class NewMapflowProjectCommand : MapflowSessionCmdlet
{
    // The account's projects, read once per command and added to as this command creates more.
    private List<Project>? _existing;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        if (!ShouldProcess(Name, "Create Mapflow project")) return;
        var name = Name;
        var description = Description;
        Run(async cancel =>
        {
            _existing ??= (await session.GetProjectsAsync(refresh: true, cancel).ConfigureAwait(false)).ToList();
            var same = _existing.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            var created = await session.Client.CreateProjectAsync(name, description, cancel).ConfigureAwait(false);
            session.ForgetProjects();
            _existing.Add(created);
            if (same.Count > 0)
            {
                // Mapflow allows it, but -Project 'name' can no longer tell them apart.
                QueueWarning($"A Mapflow project called '{same[0].Name}' already existed ({string.Join(", ", same.Select(p => p.Id))}); " +
                             $"another one was created ({created.Id}). -Project '{name}' now fails as ambiguous: pass the project object or its id.");
            }
            QueueObject(created);
        });
    }
}
