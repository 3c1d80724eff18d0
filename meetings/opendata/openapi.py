"""The OpenAPI 3.1 description of the open-data API, written out: each path, what it returns, its parameters."""

from django.conf import settings

from meetings.opendata.serializers import OPARL

LIST_PARAMETERS = [
    {"name": "modified_since", "in": "query", "schema": {"type": "string", "format": "date-time"},
     "description": "Only objects modified at or after this moment (ISO 8601; without an offset: Stockholm time)."},
    {"name": "modified_until", "in": "query", "schema": {"type": "string", "format": "date-time"},
     "description": "Only objects modified at or before this moment."},
    {"name": "created_since", "in": "query", "schema": {"type": "string", "format": "date-time"},
     "description": "Only objects created at or after this moment."},
    {"name": "created_until", "in": "query", "schema": {"type": "string", "format": "date-time"},
     "description": "Only objects created at or before this moment."},
    {"name": "elementsPerPage", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200},
     "description": "Objects a page (OParl's name; limit is the same). Default 50; meetings 10 (at most 50), "
     "bodies 20."},
    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}},
    {"name": "after", "in": "query", "schema": {"type": "string"},
     "description": "The cursor (the last key of the page before: an id; for §§ meeting-place; for organizations "
     "part-id); do not build it, "
     "follow links.next."},
]  # fmt: skip
SLUG = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
PK = {"name": "pk", "in": "path", "required": True, "schema": {"type": "integer"}}

# path, OParl type, summary, path parameters, is a list
ENDPOINTS = [
    ("/", "System", "The entry point: the system and the URL of its bodies.", [], False),
    ("/body/", "Body", "The federations (samordningsförbund).", [], True),
    ("/body/{slug}/", "Body", "A federation.", [SLUG], False),
    ("/body/{slug}/organization/", "Organization", "The federation's bodies (styrelse, arbetsutskott, ...) and "
     "its network's, then the member organisations its memberships name.", [SLUG], True),
    ("/body/{slug}/person/", "Person", "People holding mandates in the federation's or its network's bodies.",
     [SLUG], True),
    ("/body/{slug}/membership/", "Membership", "Mandates in the federation's or its network's bodies, over time.",
     [SLUG], True),
    ("/body/{slug}/meeting/", "Meeting", "Public meetings: justerade and reviewed protocols, approved notes.",
     [SLUG], True),
    ("/body/{slug}/agendaitem/", "AgendaItem", "The §§ of the public meetings, with decisions and vote events.",
     [SLUG], True),
    ("/body/{slug}/file/", "File", "The sealed protocol PDFs, with their SHA-256.", [SLUG], True),
    ("/body/{slug}/paper/", "Paper", "Always empty: a Finsam record has no Drucksache.", [SLUG], True),
    ("/body/{slug}/legislativeterm/", "LegislativeTerm", "Mandate periods (four years after each election).",
     [SLUG], True),
    ("/body/{slug}/legislativeterm/{year}/", "LegislativeTerm", "A mandate period.",
     [SLUG, {"name": "year", "in": "path", "required": True, "schema": {"type": "integer"}}], False),
    ("/organization/{pk}/", "Organization", "A body of a federation or network.", [PK], False),
    ("/organization/member/{slug}/", "Organization", "A member organisation (kommun, region, FK, AF).", [SLUG],
     False),
    ("/person/{pk}/", "Person", "A person: name, party, title and mandates; never contact details.", [PK], False),
    ("/membership/{pk}/", "Membership", "A mandate.", [PK], False),
    ("/meeting/{pk}/", "Meeting", "A public meeting with its agenda items and sealed protocol.", [PK], False),
    ("/agendaitem/{pk}/", "AgendaItem", "A § with its decisions and Popolo vote events.", [PK], False),
    ("/file/{pk}/", "File", "A sealed protocol PDF.", [PK], False),
]  # fmt: skip


def _operation(oparl_type, summary, parameters, is_list):
    schema = {"$ref": f"#/components/schemas/{oparl_type}"}
    if is_list:
        schema = {"$ref": "#/components/schemas/Page"}
        parameters = parameters + LIST_PARAMETERS
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": f"{oparl_type} ({OPARL}{oparl_type})",
                    "headers": {
                        "ETag": {"schema": {"type": "string"}},
                        "Last-Modified": {"schema": {"type": "string"}},
                    },
                    "content": {"application/json": {"schema": schema}},
                },
                "304": {"description": "Not modified (If-None-Match / If-Modified-Since)."},
                "404": {"description": "No such public object."},
                "429": {"description": "Rate limit: wait Retry-After seconds."},
            },
        }
    }


def _object_schema():
    return {
        "type": "object",
        "required": ["id", "type", "created", "modified"],
        "properties": {
            "id": {"type": "string", "format": "uri"},
            "type": {"type": "string", "format": "uri"},
            "created": {"type": "string", "format": "date-time"},
            "modified": {"type": "string", "format": "date-time"},
        },
        "additionalProperties": True,
    }


def description():
    types = sorted({oparl_type for _path, oparl_type, *_rest in ENDPOINTS})
    schemas = {name: _object_schema() for name in types}
    schemas["Page"] = {
        "type": "object",
        "required": ["data", "links"],
        "properties": {
            "data": {"type": "array", "items": _object_schema()},
            "pagination": {"type": "object"},
            "links": {"type": "object", "properties": {"first": {"type": "string"}, "next": {"type": "string"}}},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Finsamportalen open data (OParl 1.1)",
            "version": "1",
            "description": "The public record of Swedish Finsam federations in the shape of OParl 1.1. Extension "
            "fields are prefixed finsam:. Read-only, CORS for every origin, rate limited per client.",
        },
        "servers": [{"url": f"{settings.SITE_URL}/api/oparl/v1"}],
        "paths": {path: _operation(t, summary, params, is_list) for path, t, summary, params, is_list in ENDPOINTS},
        "components": {"schemas": schemas},
    }
