@{
    Synopsis    = 'Downloads the files of images in My imagery.'
    Description = @'
Save-MapflowImage saves each image's file into a folder, under its file name. It asks Mapflow for a presigned download link (GET /rasters/image/{id}/download) and fetches the file from there; the link is its own credential, so the API token is never sent with it and the link is never shown. Each file is written into a hidden .partial file beside its target, checked against the image's size and SHA-1, and only then renamed into place, so a file at its final name is always whole; a download cut short is fetched again from the start.

A file already there with the image's size and SHA-1 is skipped (with a verbose line); another file of the same name is not replaced but is an Image.FileExists error. -Force downloads again and replaces either. An image not available for download is a MapflowApi.Forbidden error. Save-MapflowImage supports -WhatIf.
'@
    Parameters  = @{
        Image       = 'The images to save: image objects (also from the pipeline) or ids.'
        Path        = 'The folder to save into; made when it does not exist. The current folder by default.'
        Force       = 'Downloads again and replaces a file of the same name that is already there, whatever it holds.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Mapflow.SavedImage objects: the path, the image and mosaic ids, the length and the SHA-1 of each file written.'
    Examples    = @(
        @{
            Title   = 'Save every image of a mosaic'
            Code    = @'
Get-MapflowImage -Mosaic 'Moscow 2026' | Save-MapflowImage -Path ./download
'@
            Remarks = 'Writes one Mapflow.SavedImage per file.'
        }
        @{
            Title   = 'Check a saved file against what was uploaded'
            Code    = @'
$image = Get-MapflowImage -Mosaic 'Moscow 2026' | Select-Object -First 1
$saved = Save-MapflowImage -Image $image -Path ./download -Force
(Get-FileHash -Algorithm SHA1 $saved.Path).Hash -eq $image.Checksum
'@
            Remarks = 'True: the checksum is the SHA-1 of the file as uploaded.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowImage'
    )
}
