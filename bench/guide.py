"""The Mapflow bulk-processing guide's script (shared/seed), with Python's standard library instead of requests.

Creates a project, one processing per feature (v1 POST /processings with wdName), lists the project until every
processing is OK (the guide itself has no wait; a poll every second is the kindest reading), then downloads each
result. Sequential, as the guide is. Arguments: API base URL, token, AOI GeoJSON file, output folder.
"""
import base64
import json
import os
import sys
import time
import urllib.request

url, token, aoi_file, out = sys.argv[1:5]
username, password = base64.b64decode(token).decode().split(":")
auth = "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method,
                                     headers={"Authorization": auth, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return response.read()


with open(aoi_file, encoding="utf-8") as file:
    geojson_data = json.load(file)

project = json.loads(call("POST", "/projects", {"name": "bench"}))
for feature in geojson_data["features"]:
    call("POST", "/processings", {"name": feature["properties"]["name"], "projectId": project["id"],
                                  "wdName": "🏠 Buildings", "geometry": feature["geometry"]})
while True:
    time.sleep(1)
    processings = json.loads(call("GET", f"/projects/{project['id']}/processings"))
    if all(p["status"] == "OK" for p in processings):
        break
for item in processings:
    with open(os.path.join(out, item["id"] + ".geojson"), "wb") as file:
        file.write(call("GET", f"/processings/{item['id']}/result"))
