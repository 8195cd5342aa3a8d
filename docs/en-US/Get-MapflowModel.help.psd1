@{
    Synopsis    = 'Gets the AI models (workflow definitions) that the Mapflow account can run.'
    Description = @'
Get-MapflowModel lists the models of the account, such as "🏠 Buildings", with their price per km2 and their optional blocks. The names and ids it shows are what Start-MapflowProcessing -Model takes, and the Options are what Start-MapflowProcessing -Option takes.

-Name filters with wildcards, ignoring case and also matching the name without its emoji and punctuation, so "build*" finds "🏠 Buildings".

The list comes from the account data, which is read again when it is more than five minutes old; Get-MapflowAccount reads it at once.
'@
    Parameters  = @{
        Name    = 'Model names to get, with wildcards. Case, emoji and punctuation are ignored, so "buildings" and "build*" both find "🏠 Buildings". Several names return every model that matches any of them. A name without wildcards that matches no model gives a non-terminating Mapflow.NotFound error whose message lists the models; a wildcard that matches nothing gives none. When omitted, all models. Tab completes the model names.'
        Session = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
        First   = 'Gets only this many models, after those that -Skip leaves out.'
        Skip    = 'Leaves out this many models first.'
        IncludeTotalCount = 'Writes, after the models, how many matched in all (ignoring -First and -Skip), as an object whose Accuracy is 1.0.'
    }
    Defaults    = @{
        Name = 'All models'
    }
    Outputs     = 'One object per model. The table shows Id, Name, the base price in credits per km2 (the mandatory blocks) and, from 120 columns, Options (the optional blocks); Description and Blocks hold the rest.'
    Examples    = @(
        @{
            Title   = 'List the models of the account'
            Code    = 'Get-MapflowModel'
            Remarks = 'Shows each model''s id, name, credits per km2 and options.'
        }
        @{
            Title   = 'Find a model without typing its emoji'
            Code    = 'Get-MapflowModel build*'
            Remarks = 'Wildcards match the name with and without emoji and punctuation, so this finds "🏠 Buildings".'
        }
        @{
            Title   = 'See which options a model has, then enable one'
            Code    = @'
(Get-MapflowModel buildings).Options
Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings -Option Classification
'@
            Remarks = 'Options are the model''s optional blocks; each one named with -Option is enabled, the others are sent disabled. An option the model does not have ends Start-MapflowProcessing with Model.UnknownOption.'
        }
        @{
            Title   = 'Start by model id, to be independent of renames'
            Code    = @'
$model = Get-MapflowModel buildings
Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model $model.Id
'@
            Remarks = '-Model takes a name or an id; an id always means the same model.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowAccount'
        'Start-MapflowProcessing'
    )
}
