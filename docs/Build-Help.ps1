<#
.SYNOPSIS
    Writes the module's help into the built module folder.
.DESCRIPTION
    Reads one <Verb-Noun>.help.psd1 per exported cmdlet from <SourcePath>/en-US, takes the parameter metadata
    (sets, types, positions, pipeline input, aliases, wildcards, defaults, validation) from the built cmdlets
    themselves, and writes <ModulePath>/en-US/Mapflow.PowerShell.dll-Help.xml (MAML, UTF-8 without BOM).
    Copies the about_*.help.txt topics next to it.

    The built module is loaded only in a child pwsh process, never into this (build) session.

    Throws, listing every problem at once, when a cmdlet has no help file, a help file names no exported
    cmdlet, a public parameter has no description, or a help file describes a parameter that does not exist.
.EXAMPLE
    ./docs/Build-Help.ps1 -SourcePath ./docs -ModulePath ./out/Mapflow
#>
param([Parameter(Mandatory)] [string] $SourcePath, [Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$SourcePath = (Resolve-Path -LiteralPath $SourcePath).ProviderPath
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$helpSource = Join-Path $SourcePath 'en-US'
$helpOut = Join-Path $ModulePath 'en-US'
$null = New-Item -ItemType Directory -Force $helpOut

# --- 1. Cmdlet metadata, read in a child process ------------------------------------------------------------------

# Runs in the child: imports the built module and returns its exported cmdlets as JSON.
$readMetadata = {
    param([string] $ManifestPath)
    $ErrorActionPreference = 'Stop'
    $module = Import-Module $ManifestPath -PassThru -WarningAction SilentlyContinue
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $shouldProcess = [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    function Get-TypeName([type] $Type, [switch] $Full) {
        $suffix = ''
        while ($Type.IsArray) { $suffix += '[]'; $Type = $Type.GetElementType() }
        $inner = [Nullable]::GetUnderlyingType($Type)
        if ($inner) { $Type = $inner }
        $(if ($Full) { $Type.FullName } else { $Type.Name }) + $suffix
    }

    # A default worth showing: null, empty strings, empty arrays and unset switches show as "None".
    function Get-DefaultText($Value) {
        if ($null -eq $Value) { return $null }
        if ($Value -is [System.Management.Automation.SwitchParameter]) { return $(if ($Value.IsPresent) { 'True' } else { $null }) }
        if ($Value -is [array]) { return $(if ($Value.Count) { $Value -join ', ' } else { $null }) }
        $text = [string]$Value
        if ($text -eq '') { $null } else { $text }
    }

    $commands = foreach ($cmd in $module.ExportedCmdlets.Values | Sort-Object Name) {
        # A fresh, never-run instance carries the property initialisers, i.e. the parameters' defaults.
        $instance = [Activator]::CreateInstance($cmd.ImplementingType)
        try {
            $parameters = foreach ($p in $cmd.Parameters.Values) {
                if ($common -contains $p.Name) { continue }
                $set = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
                $range = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] } | Select-Object -First 1
                $property = $cmd.ImplementingType.GetProperty($p.Name)
                [ordered]@{
                    Name          = $p.Name
                    Type          = Get-TypeName $p.ParameterType
                    FullType      = Get-TypeName $p.ParameterType -Full
                    IsSwitch      = $p.SwitchParameter
                    IsRiskSwitch  = $shouldProcess -contains $p.Name
                    Aliases       = @($p.Aliases)
                    Globbing      = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                    ValidValues   = @(if ($set) { $set.ValidValues })
                    Range         = @(if ($range) { [string]$range.MinRange; [string]$range.MaxRange })
                    Default       = if ($property) { Get-DefaultText $property.GetValue($instance) } else { $null }
                }
            }
        }
        finally {
            if ($instance -is [System.IDisposable]) { $instance.Dispose() }
        }
        $sets = foreach ($s in $cmd.ParameterSets) {
            [ordered]@{
                Name       = $s.Name
                IsDefault  = $s.IsDefault
                Parameters = @(foreach ($sp in $s.Parameters) {
                        if ($common -contains $sp.Name) { continue }
                        [ordered]@{
                            Name           = $sp.Name
                            Mandatory      = $sp.IsMandatory
                            Position       = if ($sp.Position -ge 0) { $sp.Position } else { $null }
                            ByValue        = $sp.ValueFromPipeline
                            ByPropertyName = $sp.ValueFromPipelineByPropertyName
                        }
                    })
            }
        }
        [ordered]@{
            Name        = $cmd.Name
            Verb        = $cmd.Verb
            Noun        = $cmd.Noun
            HelpFile    = $cmd.HelpFile
            OutputTypes = @($cmd.OutputType | ForEach-Object { if ($_.Type) { Get-TypeName $_.Type -Full } else { $_.Name } })
            Parameters  = @($parameters)
            Sets        = @($sets)
        }
    }
    ConvertTo-Json -InputObject @($commands) -Depth 10 -Compress
}

$pwsh = Join-Path $PSHOME 'pwsh'
$json = & $pwsh -NoProfile -NonInteractive -Command $readMetadata -args (Join-Path $ModulePath 'Mapflow.psd1')
if ($LASTEXITCODE -ne 0 -or -not $json) { throw "Reading the cmdlet metadata in a child pwsh failed (exit code $LASTEXITCODE)." }
$commands = @(@($json)[-1] | ConvertFrom-Json)
$helpFileName = 'Mapflow.PowerShell.dll-Help.xml'
foreach ($command in $commands) {
    if ($command.HelpFile -ne $helpFileName) { throw "$($command.Name) looks for help in '$($command.HelpFile)', not '$helpFileName'." }
}

# --- 2. Help sources and their checks --------------------------------------------------------------------------------

$allowedKeys = 'Synopsis', 'Description', 'Parameters', 'Defaults', 'Outputs', 'Examples', 'Notes', 'Links'
$problems = [System.Collections.Generic.List[string]]::new()
$helpByName = @{}
foreach ($file in Get-ChildItem -LiteralPath $helpSource -Filter '*.help.psd1') {
    $name = $file.Name -replace '\.help\.psd1$'
    $data = Import-PowerShellDataFile -LiteralPath $file.FullName
    $helpByName[$name] = $data
    $command = $commands | Where-Object Name -EQ $name
    if (-not $command) { $problems.Add("$($file.Name) describes '$name', which the module does not export."); continue }
    $label = $file.Name
    foreach ($key in $data.Keys) { if ($allowedKeys -notcontains $key) { $problems.Add("${label}: unknown key '$key'.") } }
    foreach ($key in 'Synopsis', 'Description') { if (-not "$($data[$key])".Trim()) { $problems.Add("${label}: $key is empty.") } }
    $described = if ($data['Parameters']) { $data['Parameters'] } else { @{} }
    foreach ($p in $command.Parameters) {
        if (-not $p.IsRiskSwitch -and -not "$($described[$p.Name])".Trim()) { $problems.Add("${label}: parameter -$($p.Name) has no description.") }
    }
    foreach ($key in @($described.Keys) + @(if ($data['Defaults']) { $data['Defaults'].Keys })) {
        if (-not ($command.Parameters | Where-Object Name -EQ $key)) { $problems.Add("${label}: describes -$key, which $name does not have.") }
    }
    $examples = @(if ($data['Examples']) { $data['Examples'] })
    if ($examples.Count -lt 2) { $problems.Add("${label}: has $($examples.Count) example(s); at least 2 are needed.") }
    foreach ($example in $examples) {
        if (-not ($example -is [hashtable] -and $example['Title'] -and $example['Code'])) { $problems.Add("${label}: every example needs a Title and Code.") }
    }
}
foreach ($command in $commands) {
    if (-not $helpByName.ContainsKey($command.Name)) { $problems.Add("$($command.Name) has no help file: add $helpSource/$($command.Name).help.psd1.") }
}
if ($problems.Count) { throw "The help is out of date with the cmdlets:`n  " + ($problems -join "`n  ") }

# --- 3. MAML ------------------------------------------------------------------------------------------------------

$ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$riskText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

# Paragraphs are separated by blank lines; lines within one are joined, except that "- " starts a new paragraph.
function Split-Paragraph([string] $Text) {
    foreach ($block in ($Text.Trim() -split '\r?\n\s*\r?\n')) {
        $current = ''
        foreach ($line in ($block -split '\r?\n')) {
            $line = $line.Trim()
            if ($line.StartsWith('- ') -and $current) { $current; $current = $line }
            else { $current = ($current + ' ' + $line).Trim() }
        }
        if ($current) { $current }
    }
}

function Write-Para($Writer, [string] $Text) {
    $paras = @(if ($Text) { Split-Paragraph $Text })
    if (-not $paras) { $paras = @('') }
    foreach ($para in $paras) { $Writer.WriteElementString('maml', 'para', $ns.maml, $para) }
}

function Write-Description($Writer, [string] $Text) {
    $Writer.WriteStartElement('maml', 'description', $ns.maml)
    Write-Para $Writer $Text
    $Writer.WriteEndElement()
}

function Get-PipelineText([bool] $ByValue, [bool] $ByPropertyName) {
    $kinds = @(if ($ByValue) { 'ByValue' }; if ($ByPropertyName) { 'ByPropertyName' })
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

# One <command:parameter>; $Usage is the parameter's entry in a set (syntax) or its union over the sets (parameters).
function Write-Parameter($Writer, $Meta, $Usage, [string] $Description, [string] $Default, [switch] $Syntax) {
    $w = $Writer
    $w.WriteStartElement('command', 'parameter', $ns.command)
    $w.WriteAttributeString('required', $(if ($Usage.Mandatory) { 'true' } else { 'false' }))
    $w.WriteAttributeString('variableLength', 'true')
    $w.WriteAttributeString('globbing', $(if ($Meta.Globbing) { 'true' } else { 'false' }))
    $w.WriteAttributeString('pipelineInput', (Get-PipelineText $Usage.ByValue $Usage.ByPropertyName))
    $w.WriteAttributeString('position', $(if ($null -ne $Usage.Position) { [string]$Usage.Position } else { 'named' }))
    $w.WriteAttributeString('aliases', $(if ($Meta.Aliases) { $Meta.Aliases -join ', ' } else { 'none' }))
    $w.WriteElementString('maml', 'name', $ns.maml, $Meta.Name)
    if (-not $Syntax) { Write-Description $w $Description }
    if ($Meta.ValidValues) {
        $w.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in $Meta.ValidValues) {
            $w.WriteStartElement('command', 'parameterValue', $ns.command)
            $w.WriteAttributeString('required', 'false')
            $w.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $w.WriteString($value)
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    if (-not ($Syntax -and $Meta.IsSwitch) -and -not ($Syntax -and $Meta.ValidValues)) {
        $w.WriteStartElement('command', 'parameterValue', $ns.command)
        $w.WriteAttributeString('required', $(if ($Meta.IsSwitch) { 'false' } else { 'true' }))
        $w.WriteAttributeString('variableLength', $(if ($Meta.Type.EndsWith('[]')) { 'true' } else { 'false' }))
        $w.WriteString($Meta.Type)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $ns.dev)
    $w.WriteElementString('maml', 'name', $ns.maml, $Meta.FullType)
    $w.WriteElementString('maml', 'uri', $ns.maml, '')
    $w.WriteEndElement()
    $w.WriteElementString('dev', 'defaultValue', $ns.dev, $(if ($Default) { $Default } else { 'None' }))
    $w.WriteEndElement()
}

# Syntax order: positional parameters by position, then mandatory ones, then the rest; -WhatIf/-Confirm last.
function Sort-Usage($Usages, $Metas) {
    $Usages | Sort-Object -Stable @{ E = { [bool]($Metas | Where-Object Name -EQ $_.Name).IsRiskSwitch } },
    @{ E = { if ($null -ne $_.Position) { $_.Position } else { [int]::MaxValue } } },
    @{ E = { -not $_.Mandatory } }
}

function Write-Command($Writer, $Command, $Help) {
    $w = $Writer
    $described = if ($Help['Parameters']) { $Help['Parameters'] } else { @{} }
    $defaults = if ($Help['Defaults']) { $Help['Defaults'] } else { @{} }
    $w.WriteStartElement('command', 'command', $ns.command)

    $w.WriteStartElement('command', 'details', $ns.command)
    $w.WriteElementString('command', 'name', $ns.command, $Command.Name)
    $w.WriteElementString('command', 'verb', $ns.command, $Command.Verb)
    $w.WriteElementString('command', 'noun', $ns.command, $Command.Noun)
    Write-Description $w $Help['Synopsis']
    $w.WriteEndElement()
    Write-Description $w $Help['Description']

    # The default set first, as Get-Command -Syntax shows it.
    $w.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in @($Command.Sets | Sort-Object -Stable { -not $_.IsDefault })) {
        $w.WriteStartElement('command', 'syntaxItem', $ns.command)
        $w.WriteElementString('maml', 'name', $ns.maml, $Command.Name)
        foreach ($usage in (Sort-Usage $set.Parameters $Command.Parameters)) {
            $meta = $Command.Parameters | Where-Object Name -EQ $usage.Name
            Write-Parameter $w $meta $usage -Syntax
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    # Each parameter once, merged over its sets; the order of the default set's syntax, then the others'.
    $w.WriteStartElement('command', 'parameters', $ns.command)
    $ordered = [System.Collections.Generic.List[string]]::new()
    foreach ($set in @($Command.Sets | Sort-Object -Stable { -not $_.IsDefault })) {
        foreach ($usage in (Sort-Usage $set.Parameters $Command.Parameters)) { if (-not $ordered.Contains($usage.Name)) { $ordered.Add($usage.Name) } }
    }
    foreach ($name in $ordered) {
        $meta = $Command.Parameters | Where-Object Name -EQ $name
        $usages = @($Command.Sets | ForEach-Object { $_.Parameters } | Where-Object Name -EQ $name)
        $positions = @($usages.Position | Select-Object -Unique)
        $merged = [pscustomobject]@{
            Mandatory      = -not ($usages | Where-Object { -not $_.Mandatory })
            Position       = if ($positions.Count -eq 1) { $positions[0] } else { $null }
            ByValue        = [bool]($usages | Where-Object ByValue)
            ByPropertyName = [bool]($usages | Where-Object ByPropertyName)
        }
        $text = if ($described[$name]) { $described[$name] } else { $riskText[$name] }
        if ($meta.Range) { $text += "`n`nThe value must be from $($meta.Range[0]) to $($meta.Range[1])." }
        if ($meta.ValidValues) { $text += "`n`nAccepted values: $($meta.ValidValues -join ', ')." }
        if ($Command.Sets.Count -gt 1 -and $usages.Count -lt $Command.Sets.Count) {
            $names = $Command.Sets | Where-Object { $_.Parameters.Name -contains $name } | ForEach-Object Name
            $text += "`n`nParameter set: $($names -join ', ')."
        }
        $default = if ($defaults[$name]) { $defaults[$name] } else { $meta.Default }
        Write-Parameter $w $meta $merged $text $default
    }
    $w.WriteEndElement()

    # Inputs: what the pipeline binds, by value or by property name.
    $w.WriteStartElement('command', 'inputTypes', $ns.command)
    $piped = @(foreach ($set in $Command.Sets) { $set.Parameters | Where-Object { $_.ByValue -or $_.ByPropertyName } })
    $seen = @{}
    foreach ($usage in $piped) {
        $meta = $Command.Parameters | Where-Object Name -EQ $usage.Name
        if ($seen[$meta.Name]) { continue }
        $seen[$meta.Name] = $true
        $element = $meta.FullType -replace '\[\]$'
        $what = @(if ($usage.ByValue) { "$element objects" }
            if ($usage.ByPropertyName) { 'objects that have a property named ' + ((@($meta.Name) + $meta.Aliases) -join ' or ') }) -join ', and '
        $w.WriteStartElement('command', 'inputType', $ns.command)
        $w.WriteStartElement('dev', 'type', $ns.dev)
        $w.WriteElementString('maml', 'name', $ns.maml, $element)
        $w.WriteEndElement()
        Write-Description $w "You can pipe $what to the -$($meta.Name) parameter."
        $w.WriteEndElement()
    }
    if (-not $piped) {
        $w.WriteStartElement('command', 'inputType', $ns.command)
        $w.WriteStartElement('dev', 'type', $ns.dev)
        $w.WriteElementString('maml', 'name', $ns.maml, 'None')
        $w.WriteEndElement()
        Write-Description $w 'This cmdlet takes no pipeline input.'
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'returnValues', $ns.command)
    $outputs = @($Command.OutputTypes | Where-Object { $_ -ne 'System.Void' })
    if (-not $outputs) { $outputs = @('None') }
    foreach ($type in $outputs) {
        $w.WriteStartElement('command', 'returnValue', $ns.command)
        $w.WriteStartElement('dev', 'type', $ns.dev)
        $w.WriteElementString('maml', 'name', $ns.maml, $type)
        $w.WriteEndElement()
        Write-Description $w $(if ($Help['Outputs']) { $Help['Outputs'] } elseif ($type -eq 'None') { 'This cmdlet writes nothing to the pipeline.' } else { '' })
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    if ($Help['Notes']) {
        $w.WriteStartElement('maml', 'alertSet', $ns.maml)
        $w.WriteStartElement('maml', 'alert', $ns.maml)
        Write-Para $w $Help['Notes']
        $w.WriteEndElement()
        $w.WriteEndElement()
    }

    $w.WriteStartElement('command', 'examples', $ns.command)
    $number = 0
    foreach ($example in @($Help['Examples'])) {
        $number++
        $w.WriteStartElement('command', 'example', $ns.command)
        $w.WriteElementString('maml', 'title', $ns.maml, "--------- Example ${number}: $($example['Title']) ---------")
        $w.WriteElementString('dev', 'code', $ns.dev, ($example['Code'].Trim([char[]]"`r`n") -replace '\r\n', "`n"))
        $w.WriteStartElement('dev', 'remarks', $ns.dev)
        Write-Para $w $example['Remarks']
        $w.WriteElementString('maml', 'para', $ns.maml, '') # a blank line before the next example
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in @(if ($Help['Links']) { $Help['Links'] })) {
        $w.WriteStartElement('maml', 'navigationLink', $ns.maml)
        if ($link -match '^https?://') {
            $w.WriteElementString('maml', 'linkText', $ns.maml, 'Online version:')
            $w.WriteElementString('maml', 'uri', $ns.maml, $link)
        }
        else {
            $w.WriteElementString('maml', 'linkText', $ns.maml, $link)
            $w.WriteElementString('maml', 'uri', $ns.maml, '')
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteEndElement()
}

$target = Join-Path $helpOut $helpFileName
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$settings.NewLineChars = "`n"
$writer = [System.Xml.XmlWriter]::Create($target, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $ns.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($prefix in 'maml', 'command', 'dev') { $writer.WriteAttributeString('xmlns', $prefix, 'http://www.w3.org/2000/xmlns/', $ns[$prefix]) }
    foreach ($command in $commands) { Write-Command $writer $command $helpByName[$command.Name] }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
$null = [xml](Get-Content -LiteralPath $target -Raw -Encoding utf8)

# --- 4. About topics ----------------------------------------------------------------------------------------------

$topics = @(Get-ChildItem -LiteralPath $helpSource -Filter 'about_*.help.txt')
if (-not $topics) { throw "No about_*.help.txt topic in $helpSource." }
Copy-Item -LiteralPath $topics.FullName -Destination $helpOut -Force
Write-Host "Help for $($commands.Count) cmdlets and $($topics.Count) about topics written to $helpOut"
