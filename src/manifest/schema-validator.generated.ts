// @ts-nocheck
// GENERATED from schemas/reload.config.schema.json by src/manifest/schema-validator-source.ts. Do not edit.
// Regenerate: npx vitest run -u test/manifest/schema-validator-sync.test.ts
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:reloadctl:schema:reload.config","title":"reloadctl manifest","description":"reload.config.yaml: which Celonis data models to reload, by pool, model and table alias. Checked by `reloadctl validate`; `reloadctl plan` shows what `reloadctl apply` would do.","defaultSnippets":[{"label":"reloadctl manifest","description":"A manifest with one pool and one model.","body":{"version":1,"pools":{"${1:finance}":{"id":"${2:pool-id}","models":{"${3:o2c}":{"id":"${4:model-id}","reload":"${5|full,cache|}"}}}}}}],"type":"object","required":["version","pools"],"additionalProperties":false,"properties":{"version":{"title":"Manifest format version","description":"The version of this file's format. Always 1.","examples":[1],"const":1},"connection":{"title":"Connection","description":"Where the Celonis team lives and how to authenticate. All optional. The key itself never goes here: it is read from the environment variable named by `tokenEnv`.","defaultSnippets":[{"label":"connection","description":"Base URL, key type and the variable that holds the key.","body":{"url":"https://${1:acme.eu-1.celonis.cloud}","keyType":"${2|USER_KEY,APP_KEY|}","tokenEnv":"${3:CELONIS_API_TOKEN}"}}],"type":"object","additionalProperties":false,"properties":{"url":{"title":"Base URL","description":"The team's base URL. The environment variable CELONIS_URL takes precedence. http:// is accepted only for loopback hosts.","examples":["https://acme.eu-1.celonis.cloud"],"type":"string","pattern":"^https?://[^\\s/?#]+[^\\s]*$"},"keyType":{"title":"Key type","description":"USER_KEY (sent as `Bearer`) or APP_KEY (sent as `AppKey`). The environment variable CELONIS_KEY_TYPE takes precedence. Default: USER_KEY.","examples":["USER_KEY","APP_KEY"],"default":"USER_KEY","enum":["USER_KEY","APP_KEY"],"enumDescriptions":["A user's API key, sent as `Authorization: Bearer …`.","An application key, sent as `Authorization: AppKey …`."]},"tokenEnv":{"title":"Key environment variable","description":"The name of the environment variable that holds the API key (never the key itself): capitals, digits and underscores, like CELONIS_API_TOKEN. A value that looks like a key is refused. Default: CELONIS_API_TOKEN.","examples":["CELONIS_API_TOKEN"],"default":"CELONIS_API_TOKEN","type":"string","pattern":"^[A-Z_][A-Z0-9_]*$","patternErrorMessage":"must be the name of an environment variable in capitals, like CELONIS_API_TOKEN (never the key itself)"}}},"targets":{"title":"Targets","description":"Tenants this manifest can run against, by a name of your choosing: `--target NAME` (or the environment variable RELOADCTL_TARGET) picks one, else the one marked `default: true`. A target's settings take the place of `connection`'s; CELONIS_URL and CELONIS_KEY_TYPE still win over them. With names instead of ids, one manifest serves every target.","defaultSnippets":[{"label":"targets","description":"Two tenants, dev the default.","body":{"${1:dev}":{"url":"https://${2:acme-dev.eu-1.celonis.cloud}","default":true},"${3:prod}":{"url":"https://${4:acme.eu-1.celonis.cloud}","tokenEnv":"${5:CELONIS_PROD_TOKEN}"}}}],"type":"object","propertyNames":{"$ref":"#/$defs/addressKey"},"additionalProperties":{"$ref":"#/$defs/target"}},"defaults":{"title":"Defaults","description":"Settings for every model. A pool's `defaults` and a model's own settings override timeout, maxAge, onWarning and onRunning.","defaultSnippets":[{"label":"defaults","description":"Bounds and policies for every model.","body":{"parallelism":"^${1:4}","poolParallelism":"^${2:2}","timeout":"${3:2h}","maxAge":"${4:0s}","onWarning":"${5|fail,succeed|}","onRunning":"${6|wait,skip,fail|}"}}],"type":"object","additionalProperties":false,"properties":{"parallelism":{"title":"Parallelism","description":"Loads in flight at once, all pools together. Default: 4.","examples":[4],"default":4,"$ref":"#/$defs/positiveInteger"},"poolParallelism":{"title":"Parallelism per pool","description":"Loads in flight at once within one pool; at most `parallelism`. A pool can set its own. Default: 2.","examples":[2],"default":2,"$ref":"#/$defs/positiveInteger"},"timeout":{"title":"Timeout","description":"Per model, from trigger to verified end. Default: 2h.","examples":["2h","45m","1h30m"],"default":"2h","$ref":"#/$defs/duration"},"maxAge":{"title":"Maximum age","description":"Skip a model whose last successful load ended less than this ago. 0s always reloads. Default: 0s.","examples":["0s","6h","1d"],"default":"0s","$ref":"#/$defs/duration"},"onWarning":{"title":"On warning","description":"What a load that ends in WARNING counts as. Default: fail.","examples":["fail","succeed"],"default":"fail","$ref":"#/$defs/onWarning"},"onRunning":{"title":"On running","description":"What to do when a load of the model is already running at apply. Default: wait.","examples":["wait","skip","fail"],"default":"wait","$ref":"#/$defs/onRunning"}}},"pools":{"title":"Pools","description":"Data pools by a key of your choosing; at least one. A model's address is POOL/MODEL, used by --select and --exclude.","defaultSnippets":[{"label":"pool","description":"A pool with one model.","body":{"${1:finance}":{"id":"${2:pool-id}","models":{"${3:o2c}":{"id":"${4:model-id}"}}}}}],"type":"object","minProperties":1,"propertyNames":{"$ref":"#/$defs/addressKey"},"additionalProperties":{"$ref":"#/$defs/pool"}}},"$defs":{"addressKey":{"title":"Key","description":"A pool or model key: letters, digits, `.`, `_` and `-`, starting with a letter or digit. It forms the address POOL/MODEL.","examples":["finance","o2c-cache"],"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$","patternErrorMessage":"use letters, digits, `.`, `_` and `-`, starting with a letter or digit (it forms the address POOL/MODEL)"},"target":{"title":"Target","description":"One tenant: its base URL, and how to authenticate there. The key itself never goes here.","defaultSnippets":[{"label":"target","description":"A tenant: its base URL and the variable that holds its key.","body":{"url":"https://${1:acme.eu-1.celonis.cloud}","tokenEnv":"${2:CELONIS_PROD_TOKEN}"}}],"type":"object","required":["url"],"additionalProperties":false,"properties":{"url":{"title":"Base URL","description":"The tenant's base URL. The environment variable CELONIS_URL takes precedence. http:// is accepted only for loopback hosts.","examples":["https://acme.eu-1.celonis.cloud"],"type":"string","pattern":"^https?://[^\\s/?#]+[^\\s]*$"},"keyType":{"title":"Key type","description":"USER_KEY (sent as `Bearer`) or APP_KEY (sent as `AppKey`). CELONIS_KEY_TYPE takes precedence. Default: `connection.keyType`, else USER_KEY.","examples":["USER_KEY","APP_KEY"],"enum":["USER_KEY","APP_KEY"],"enumDescriptions":["A user's API key, sent as `Authorization: Bearer …`.","An application key, sent as `Authorization: AppKey …`."]},"tokenEnv":{"title":"Key environment variable","description":"The name of the environment variable that holds this tenant's API key (never the key itself): capitals, digits and underscores. Default: `connection.tokenEnv`, else CELONIS_API_TOKEN.","examples":["CELONIS_PROD_TOKEN"],"type":"string","pattern":"^[A-Z_][A-Z0-9_]*$","patternErrorMessage":"must be the name of an environment variable in capitals, like CELONIS_PROD_TOKEN (never the key itself)"},"default":{"title":"Default target","description":"The target used when neither --target nor RELOADCTL_TARGET names one. At most one target is the default.","examples":[true],"type":"boolean"}}},"positiveInteger":{"title":"Whole number","description":"A whole number, at least 1.","examples":[1,4],"type":"integer","minimum":1},"duration":{"title":"Duration","description":"Days, hours, minutes and seconds, in that order: 90s, 15m, 2h, 1h30m, 1d, 0s.","examples":["90s","15m","2h","1h30m","1d","0s"],"type":"string","pattern":"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$","patternErrorMessage":"must be a duration like 6h or 1h30m"},"onWarning":{"title":"On warning","description":"fail: a WARNING load fails the model; succeed: it counts as success.","examples":["fail","succeed"],"enum":["fail","succeed"],"enumDescriptions":["A load that ends in WARNING fails the model.","A load that ends in WARNING counts as success."]},"onRunning":{"title":"On running","description":"wait: wait for the running load to end, then trigger; skip: leave the model alone; fail: fail the model.","examples":["wait","skip","fail"],"enum":["wait","skip","fail"],"enumDescriptions":["Wait for the running load to end, then trigger a new one.","Leave the model alone: it counts as skipped.","Fail the model without triggering."]},"pool":{"title":"Pool","description":"A data pool and the models in it to reload, by `id` or by `name`.","defaultSnippets":[{"label":"pool","description":"A pool with one model.","body":{"id":"${1:pool-id}","models":{"${2:o2c}":{"id":"${3:model-id}"}}}},{"label":"pool by name","description":"A pool and one model, by the names the service shows (looked up at plan time).","body":{"name":"${1:Finance}","models":{"${2:o2c}":{"name":"${3:Order to Cash}"}}}}],"type":"object","oneOf":[{"properties":{"id":true},"required":["id"]},{"properties":{"name":true},"required":["name"]}],"additionalProperties":false,"properties":{"id":{"title":"Pool id","description":"The data pool's id on the service. Give `id` or `name`, not both.","examples":["0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10"],"type":"string","pattern":"\\S"},"name":{"title":"Pool name","description":"The data pool's name as the service shows it, looked up at plan time: exactly, else case-insensitively when that picks one pool. Give `id` or `name`, not both.","examples":["Finance"],"type":"string","pattern":"\\S"},"poolParallelism":{"title":"Parallelism in this pool","description":"Loads in flight at once within this pool; at most `parallelism`. Default: `defaults.poolParallelism`.","examples":[1,2],"$ref":"#/$defs/positiveInteger"},"defaults":{"title":"Pool defaults","description":"Settings for every model in this pool, over the manifest's `defaults`; a model's own settings win.","defaultSnippets":[{"label":"pool defaults","body":{"timeout":"${1:4h}","onWarning":"${2|fail,succeed|}"}}],"type":"object","additionalProperties":false,"properties":{"timeout":{"title":"Timeout","description":"Per model, from trigger to verified end.","examples":["2h","45m"],"$ref":"#/$defs/duration"},"maxAge":{"title":"Maximum age","description":"Skip a model whose last successful load ended less than this ago.","examples":["0s","6h"],"$ref":"#/$defs/duration"},"onWarning":{"title":"On warning","description":"What a load that ends in WARNING counts as.","examples":["fail","succeed"],"$ref":"#/$defs/onWarning"},"onRunning":{"title":"On running","description":"What to do when a load of the model is already running at apply.","examples":["wait","skip","fail"],"$ref":"#/$defs/onRunning"}}},"models":{"title":"Models","description":"Data models in this pool by a key of your choosing; the address is POOL/MODEL.","defaultSnippets":[{"label":"model","description":"A model reloaded completely.","body":{"${1:o2c}":{"id":"${2:model-id}","reload":"${3|full,cache|}"}}}],"type":"object","propertyNames":{"$ref":"#/$defs/addressKey"},"additionalProperties":{"$ref":"#/$defs/model"}}}},"model":{"title":"Model","description":"A data model to reload, by `id` or by `name`.","defaultSnippets":[{"label":"model","description":"A model reloaded completely.","body":{"id":"${1:model-id}","reload":"${2|full,cache|}"}},{"label":"model by name","description":"A model by the name the service shows (looked up at plan time), reloaded completely.","body":{"name":"${1:Order to Cash}","reload":"${2|full,cache|}"}},{"label":"model (partial reload)","description":"Some tables reloaded, the rest from cache.","body":{"id":"${1:model-id}","reload":{"tables":["${2:EKKO}"]}}}],"type":"object","oneOf":[{"properties":{"id":true},"required":["id"]},{"properties":{"name":true},"required":["name"]}],"additionalProperties":false,"properties":{"id":{"title":"Data model id","description":"The data model's id on the service. Give `id` or `name`, not both.","examples":["5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44"],"type":"string","pattern":"\\S"},"name":{"title":"Data model name","description":"The data model's name in its pool as the service shows it, looked up at plan time: exactly, else case-insensitively when that picks one model. Give `id` or `name`, not both.","examples":["Order to Cash"],"type":"string","pattern":"\\S"},"reload":{"title":"Reload","description":"full: complete reload (default); cache: reload from cache; { tables: [...] }: reload these tables (by alias or name), the rest from cache.","defaultSnippets":[{"label":"full","description":"Complete reload: every table from its source.","body":"full"},{"label":"cache","description":"Reload from cache: the model is rebuilt from the tables already extracted.","body":"cache"},{"label":"partial reload","description":"Reload these tables (by alias or name); the rest from cache.","body":{"tables":["${1:EKKO}"]}}],"default":"full","$comment":"if/then/else rather than oneOf: the value's shape picks one branch, so an editor reports that branch's own problem (an unknown key under a map) rather than the other branch's enum.","if":{"type":"object"},"then":{"title":"Partial reload","description":"Reload these tables; the rest from cache.","type":"object","required":["tables"],"additionalProperties":false,"properties":{"tables":{"title":"Tables","description":"The tables to reload, each by its alias or name. At least one, each once.","defaultSnippets":[{"label":"tables","body":["${1:EKKO}"]}],"type":"array","minItems":1,"uniqueItems":true,"items":{"title":"Table","description":"A table's alias or name, matched exactly, else case-insensitively when that picks one table.","examples":["EKKO","Vendor Master"],"type":"string","pattern":"\\S"}}}},"else":{"title":"Complete or from cache","description":"full: complete reload; cache: reload from cache.","enum":["full","cache"],"enumDescriptions":["Complete reload: every table from its source.","Reload from cache: the model is rebuilt from the tables already extracted."]}},"tags":{"title":"Tags","description":"Labels for selection: --select tag:NAME.","defaultSnippets":[{"label":"tags","body":["${1:nightly}"]}],"type":"array","items":{"title":"Tag","description":"A label for --select tag:NAME.","examples":["nightly"],"type":"string","pattern":"\\S"}},"timeout":{"title":"Timeout","description":"From trigger to verified end, for this model.","examples":["2h","45m"],"$ref":"#/$defs/duration"},"maxAge":{"title":"Maximum age","description":"Skip this model when its last successful load ended less than this ago.","examples":["0s","6h"],"$ref":"#/$defs/duration"},"onWarning":{"title":"On warning","description":"What a load of this model that ends in WARNING counts as.","examples":["fail","succeed"],"$ref":"#/$defs/onWarning"},"onRunning":{"title":"On running","description":"What to do when a load of this model is already running at apply.","examples":["wait","skip","fail"],"$ref":"#/$defs/onRunning"}}}}};
const schema32 = {"title":"Key","description":"A pool or model key: letters, digits, `.`, `_` and `-`, starting with a letter or digit. It forms the address POOL/MODEL.","examples":["finance","o2c-cache"],"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$","patternErrorMessage":"use letters, digits, `.`, `_` and `-`, starting with a letter or digit (it forms the address POOL/MODEL)"};
const schema33 = {"title":"Target","description":"One tenant: its base URL, and how to authenticate there. The key itself never goes here.","defaultSnippets":[{"label":"target","description":"A tenant: its base URL and the variable that holds its key.","body":{"url":"https://${1:acme.eu-1.celonis.cloud}","tokenEnv":"${2:CELONIS_PROD_TOKEN}"}}],"type":"object","required":["url"],"additionalProperties":false,"properties":{"url":{"title":"Base URL","description":"The tenant's base URL. The environment variable CELONIS_URL takes precedence. http:// is accepted only for loopback hosts.","examples":["https://acme.eu-1.celonis.cloud"],"type":"string","pattern":"^https?://[^\\s/?#]+[^\\s]*$"},"keyType":{"title":"Key type","description":"USER_KEY (sent as `Bearer`) or APP_KEY (sent as `AppKey`). CELONIS_KEY_TYPE takes precedence. Default: `connection.keyType`, else USER_KEY.","examples":["USER_KEY","APP_KEY"],"enum":["USER_KEY","APP_KEY"],"enumDescriptions":["A user's API key, sent as `Authorization: Bearer …`.","An application key, sent as `Authorization: AppKey …`."]},"tokenEnv":{"title":"Key environment variable","description":"The name of the environment variable that holds this tenant's API key (never the key itself): capitals, digits and underscores. Default: `connection.tokenEnv`, else CELONIS_API_TOKEN.","examples":["CELONIS_PROD_TOKEN"],"type":"string","pattern":"^[A-Z_][A-Z0-9_]*$","patternErrorMessage":"must be the name of an environment variable in capitals, like CELONIS_PROD_TOKEN (never the key itself)"},"default":{"title":"Default target","description":"The target used when neither --target nor RELOADCTL_TARGET names one. At most one target is the default.","examples":[true],"type":"boolean"}}};
const schema34 = {"title":"Whole number","description":"A whole number, at least 1.","examples":[1,4],"type":"integer","minimum":1};
const schema36 = {"title":"Duration","description":"Days, hours, minutes and seconds, in that order: 90s, 15m, 2h, 1h30m, 1d, 0s.","examples":["90s","15m","2h","1h30m","1d","0s"],"type":"string","pattern":"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$","patternErrorMessage":"must be a duration like 6h or 1h30m"};
const schema38 = {"title":"On warning","description":"fail: a WARNING load fails the model; succeed: it counts as success.","examples":["fail","succeed"],"enum":["fail","succeed"],"enumDescriptions":["A load that ends in WARNING fails the model.","A load that ends in WARNING counts as success."]};
const schema39 = {"title":"On running","description":"wait: wait for the running load to end, then trigger; skip: leave the model alone; fail: fail the model.","examples":["wait","skip","fail"],"enum":["wait","skip","fail"],"enumDescriptions":["Wait for the running load to end, then trigger a new one.","Leave the model alone: it counts as skipped.","Fail the model without triggering."]};
const pattern4 = new RegExp("^https?://[^\\s/?#]+[^\\s]*$", "u");
const pattern5 = new RegExp("^[A-Z_][A-Z0-9_]*$", "u");
const pattern6 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*$", "u");
const pattern9 = new RegExp("^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$", "u");
const schema41 = {"title":"Pool","description":"A data pool and the models in it to reload, by `id` or by `name`.","defaultSnippets":[{"label":"pool","description":"A pool with one model.","body":{"id":"${1:pool-id}","models":{"${2:o2c}":{"id":"${3:model-id}"}}}},{"label":"pool by name","description":"A pool and one model, by the names the service shows (looked up at plan time).","body":{"name":"${1:Finance}","models":{"${2:o2c}":{"name":"${3:Order to Cash}"}}}}],"type":"object","oneOf":[{"properties":{"id":true},"required":["id"]},{"properties":{"name":true},"required":["name"]}],"additionalProperties":false,"properties":{"id":{"title":"Pool id","description":"The data pool's id on the service. Give `id` or `name`, not both.","examples":["0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10"],"type":"string","pattern":"\\S"},"name":{"title":"Pool name","description":"The data pool's name as the service shows it, looked up at plan time: exactly, else case-insensitively when that picks one pool. Give `id` or `name`, not both.","examples":["Finance"],"type":"string","pattern":"\\S"},"poolParallelism":{"title":"Parallelism in this pool","description":"Loads in flight at once within this pool; at most `parallelism`. Default: `defaults.poolParallelism`.","examples":[1,2],"$ref":"#/$defs/positiveInteger"},"defaults":{"title":"Pool defaults","description":"Settings for every model in this pool, over the manifest's `defaults`; a model's own settings win.","defaultSnippets":[{"label":"pool defaults","body":{"timeout":"${1:4h}","onWarning":"${2|fail,succeed|}"}}],"type":"object","additionalProperties":false,"properties":{"timeout":{"title":"Timeout","description":"Per model, from trigger to verified end.","examples":["2h","45m"],"$ref":"#/$defs/duration"},"maxAge":{"title":"Maximum age","description":"Skip a model whose last successful load ended less than this ago.","examples":["0s","6h"],"$ref":"#/$defs/duration"},"onWarning":{"title":"On warning","description":"What a load that ends in WARNING counts as.","examples":["fail","succeed"],"$ref":"#/$defs/onWarning"},"onRunning":{"title":"On running","description":"What to do when a load of the model is already running at apply.","examples":["wait","skip","fail"],"$ref":"#/$defs/onRunning"}}},"models":{"title":"Models","description":"Data models in this pool by a key of your choosing; the address is POOL/MODEL.","defaultSnippets":[{"label":"model","description":"A model reloaded completely.","body":{"${1:o2c}":{"id":"${2:model-id}","reload":"${3|full,cache|}"}}}],"type":"object","propertyNames":{"$ref":"#/$defs/addressKey"},"additionalProperties":{"$ref":"#/$defs/model"}}}};
const pattern12 = new RegExp("\\S", "u");
const schema48 = {"title":"Model","description":"A data model to reload, by `id` or by `name`.","defaultSnippets":[{"label":"model","description":"A model reloaded completely.","body":{"id":"${1:model-id}","reload":"${2|full,cache|}"}},{"label":"model by name","description":"A model by the name the service shows (looked up at plan time), reloaded completely.","body":{"name":"${1:Order to Cash}","reload":"${2|full,cache|}"}},{"label":"model (partial reload)","description":"Some tables reloaded, the rest from cache.","body":{"id":"${1:model-id}","reload":{"tables":["${2:EKKO}"]}}}],"type":"object","oneOf":[{"properties":{"id":true},"required":["id"]},{"properties":{"name":true},"required":["name"]}],"additionalProperties":false,"properties":{"id":{"title":"Data model id","description":"The data model's id on the service. Give `id` or `name`, not both.","examples":["5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44"],"type":"string","pattern":"\\S"},"name":{"title":"Data model name","description":"The data model's name in its pool as the service shows it, looked up at plan time: exactly, else case-insensitively when that picks one model. Give `id` or `name`, not both.","examples":["Order to Cash"],"type":"string","pattern":"\\S"},"reload":{"title":"Reload","description":"full: complete reload (default); cache: reload from cache; { tables: [...] }: reload these tables (by alias or name), the rest from cache.","defaultSnippets":[{"label":"full","description":"Complete reload: every table from its source.","body":"full"},{"label":"cache","description":"Reload from cache: the model is rebuilt from the tables already extracted.","body":"cache"},{"label":"partial reload","description":"Reload these tables (by alias or name); the rest from cache.","body":{"tables":["${1:EKKO}"]}}],"default":"full","$comment":"if/then/else rather than oneOf: the value's shape picks one branch, so an editor reports that branch's own problem (an unknown key under a map) rather than the other branch's enum.","if":{"type":"object"},"then":{"title":"Partial reload","description":"Reload these tables; the rest from cache.","type":"object","required":["tables"],"additionalProperties":false,"properties":{"tables":{"title":"Tables","description":"The tables to reload, each by its alias or name. At least one, each once.","defaultSnippets":[{"label":"tables","body":["${1:EKKO}"]}],"type":"array","minItems":1,"uniqueItems":true,"items":{"title":"Table","description":"A table's alias or name, matched exactly, else case-insensitively when that picks one table.","examples":["EKKO","Vendor Master"],"type":"string","pattern":"\\S"}}}},"else":{"title":"Complete or from cache","description":"full: complete reload; cache: reload from cache.","enum":["full","cache"],"enumDescriptions":["Complete reload: every table from its source.","Reload from cache: the model is rebuilt from the tables already extracted."]}},"tags":{"title":"Tags","description":"Labels for selection: --select tag:NAME.","defaultSnippets":[{"label":"tags","body":["${1:nightly}"]}],"type":"array","items":{"title":"Tag","description":"A label for --select tag:NAME.","examples":["nightly"],"type":"string","pattern":"\\S"}},"timeout":{"title":"Timeout","description":"From trigger to verified end, for this model.","examples":["2h","45m"],"$ref":"#/$defs/duration"},"maxAge":{"title":"Maximum age","description":"Skip this model when its last successful load ended less than this ago.","examples":["0s","6h"],"$ref":"#/$defs/duration"},"onWarning":{"title":"On warning","description":"What a load of this model that ends in WARNING counts as.","examples":["fail","succeed"],"$ref":"#/$defs/onWarning"},"onRunning":{"title":"On running","description":"What to do when a load of this model is already running at apply.","examples":["wait","skip","fail"],"$ref":"#/$defs/onRunning"}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema48.oneOf[0].required,parentSchema:schema48.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = {};
props0.id = true;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema48.oneOf[1].required,parentSchema:schema48.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = props0 || {};
props0.name = true;
}
}
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema48.oneOf,parentSchema:schema48,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "name")) || (key0 === "reload")) || (key0 === "tags")) || (key0 === "timeout")) || (key0 === "maxAge")) || (key0 === "onWarning")) || (key0 === "onRunning"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema48,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern12.test(data0)){
const err4 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema48.properties.id,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.id.type,parentSchema:schema48.properties.id,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(!pattern12.test(data1)){
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema48.properties.name,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.name.type,parentSchema:schema48.properties.name,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.reload !== undefined){
let data2 = data.reload;
const _errs11 = errors;
let valid2 = true;
const _errs12 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid1 = _errs12 === errors;
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid1){
const _errs14 = errors;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.tables === undefined){
const err9 = {instancePath:instancePath+"/reload",schemaPath:"#/properties/reload/then/required",keyword:"required",params:{missingProperty: "tables"},message:"must have required property '"+"tables"+"'",schema:schema48.properties.reload.then.required,parentSchema:schema48.properties.reload.then,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data2){
if(!(key1 === "tables")){
const err10 = {instancePath:instancePath+"/reload",schemaPath:"#/properties/reload/then/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema48.properties.reload.then,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.tables !== undefined){
let data3 = data2.tables;
if(Array.isArray(data3)){
if(data3.length < 1){
const err11 = {instancePath:instancePath+"/reload/tables",schemaPath:"#/properties/reload/then/properties/tables/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema48.properties.reload.then.properties.tables,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 === "string"){
if(!pattern12.test(data4)){
const err12 = {instancePath:instancePath+"/reload/tables/" + i0,schemaPath:"#/properties/reload/then/properties/tables/items/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema48.properties.reload.then.properties.tables.items,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/reload/tables/" + i0,schemaPath:"#/properties/reload/then/properties/tables/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.reload.then.properties.tables.items.type,parentSchema:schema48.properties.reload.then.properties.tables.items,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
let i1 = data3.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data3[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err14 = {instancePath:instancePath+"/reload/tables",schemaPath:"#/properties/reload/then/properties/tables/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema48.properties.reload.then.properties.tables,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err15 = {instancePath:instancePath+"/reload/tables",schemaPath:"#/properties/reload/then/properties/tables/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema48.properties.reload.then.properties.tables.type,parentSchema:schema48.properties.reload.then.properties.tables,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/reload",schemaPath:"#/properties/reload/then/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema48.properties.reload.then.type,parentSchema:schema48.properties.reload.then,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid1 = _errs14 === errors;
valid2 = _valid1;
ifClause0 = "then";
}
else {
const _errs21 = errors;
if(!((data2 === "full") || (data2 === "cache"))){
const err17 = {instancePath:instancePath+"/reload",schemaPath:"#/properties/reload/else/enum",keyword:"enum",params:{allowedValues: schema48.properties.reload.else.enum},message:"must be equal to one of the allowed values",schema:schema48.properties.reload.else.enum,parentSchema:schema48.properties.reload.else,data:data2};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid1 = _errs21 === errors;
valid2 = _valid1;
ifClause0 = "else";
}
if(!valid2){
const err18 = {instancePath:instancePath+"/reload",schemaPath:"#/properties/reload/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema48.properties.reload.if,parentSchema:schema48.properties.reload,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.tags !== undefined){
let data5 = data.tags;
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i2=0; i2<len1; i2++){
let data6 = data5[i2];
if(typeof data6 === "string"){
if(!pattern12.test(data6)){
const err19 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema48.properties.tags.items,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.tags.items.type,parentSchema:schema48.properties.tags.items,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema48.properties.tags.type,parentSchema:schema48.properties.tags,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.timeout !== undefined){
let data7 = data.timeout;
if(typeof data7 === "string"){
if(!pattern9.test(data7)){
const err22 = {instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"+"\"",schema:"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$",parentSchema:schema36,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.maxAge !== undefined){
let data8 = data.maxAge;
if(typeof data8 === "string"){
if(!pattern9.test(data8)){
const err24 = {instancePath:instancePath+"/maxAge",schemaPath:"#/$defs/duration/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"+"\"",schema:"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$",parentSchema:schema36,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/maxAge",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.onWarning !== undefined){
let data9 = data.onWarning;
if(!((data9 === "fail") || (data9 === "succeed"))){
const err26 = {instancePath:instancePath+"/onWarning",schemaPath:"#/$defs/onWarning/enum",keyword:"enum",params:{allowedValues: schema38.enum},message:"must be equal to one of the allowed values",schema:schema38.enum,parentSchema:schema38,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.onRunning !== undefined){
let data10 = data.onRunning;
if(!(((data10 === "wait") || (data10 === "skip")) || (data10 === "fail"))){
const err27 = {instancePath:instancePath+"/onRunning",schemaPath:"#/$defs/onRunning/enum",keyword:"enum",params:{allowedValues: schema39.enum},message:"must be equal to one of the allowed values",schema:schema39.enum,parentSchema:schema39,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema48.type,parentSchema:schema48,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema41.oneOf[0].required,parentSchema:schema41.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = {};
props0.id = true;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema41.oneOf[1].required,parentSchema:schema41.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = props0 || {};
props0.name = true;
}
}
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema41.oneOf,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((((key0 === "id") || (key0 === "name")) || (key0 === "poolParallelism")) || (key0 === "defaults")) || (key0 === "models"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern12.test(data0)){
const err4 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema41.properties.id,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.id.type,parentSchema:schema41.properties.id,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(!pattern12.test(data1)){
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema41.properties.name,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.name.type,parentSchema:schema41.properties.name,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.poolParallelism !== undefined){
let data2 = data.poolParallelism;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err8 = {instancePath:instancePath+"/poolParallelism",schemaPath:"#/$defs/positiveInteger/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema34.type,parentSchema:schema34,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err9 = {instancePath:instancePath+"/poolParallelism",schemaPath:"#/$defs/positiveInteger/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema34,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.defaults !== undefined){
let data3 = data.defaults;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
if(!((((key1 === "timeout") || (key1 === "maxAge")) || (key1 === "onWarning")) || (key1 === "onRunning"))){
const err10 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema41.properties.defaults,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.timeout !== undefined){
let data4 = data3.timeout;
if(typeof data4 === "string"){
if(!pattern9.test(data4)){
const err11 = {instancePath:instancePath+"/defaults/timeout",schemaPath:"#/$defs/duration/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"+"\"",schema:"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$",parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/defaults/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.maxAge !== undefined){
let data5 = data3.maxAge;
if(typeof data5 === "string"){
if(!pattern9.test(data5)){
const err13 = {instancePath:instancePath+"/defaults/maxAge",schemaPath:"#/$defs/duration/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"+"\"",schema:"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$",parentSchema:schema36,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/defaults/maxAge",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data3.onWarning !== undefined){
let data6 = data3.onWarning;
if(!((data6 === "fail") || (data6 === "succeed"))){
const err15 = {instancePath:instancePath+"/defaults/onWarning",schemaPath:"#/$defs/onWarning/enum",keyword:"enum",params:{allowedValues: schema38.enum},message:"must be equal to one of the allowed values",schema:schema38.enum,parentSchema:schema38,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data3.onRunning !== undefined){
let data7 = data3.onRunning;
if(!(((data7 === "wait") || (data7 === "skip")) || (data7 === "fail"))){
const err16 = {instancePath:instancePath+"/defaults/onRunning",schemaPath:"#/$defs/onRunning/enum",keyword:"enum",params:{allowedValues: schema39.enum},message:"must be equal to one of the allowed values",schema:schema39.enum,parentSchema:schema39,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.defaults.type,parentSchema:schema41.properties.defaults,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.models !== undefined){
let data8 = data.models;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key2 in data8){
const _errs27 = errors;
if(typeof key2 === "string"){
if(!pattern6.test(key2)){
const err18 = {instancePath:instancePath+"/models",schemaPath:"#/$defs/addressKey/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]*$",parentSchema:schema32,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/models",schemaPath:"#/$defs/addressKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.type,parentSchema:schema32,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var valid8 = _errs27 === errors;
if(!valid8){
const err20 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema41.properties.models.propertyNames,parentSchema:schema41.properties.models,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
for(const key3 in data8){
if(!(validate22(data8[key3], {instancePath:instancePath+"/models/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data8,parentDataProperty:key3,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err21 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.models.type,parentSchema:schema41.properties.models,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="urn:reloadctl:schema:reload.config" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.pools === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "pools"},message:"must have required property '"+"pools"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "version") || (key0 === "connection")) || (key0 === "targets")) || (key0 === "defaults")) || (key0 === "pools"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.version !== undefined){
let data0 = data.version;
if(1 !== data0){
const err3 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema31.properties.version,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.connection !== undefined){
let data1 = data.connection;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!(((key1 === "url") || (key1 === "keyType")) || (key1 === "tokenEnv"))){
const err4 = {instancePath:instancePath+"/connection",schemaPath:"#/properties/connection/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.connection,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.url !== undefined){
let data2 = data1.url;
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
const err5 = {instancePath:instancePath+"/connection/url",schemaPath:"#/properties/connection/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s/?#]+[^\\s]*$"},message:"must match pattern \""+"^https?://[^\\s/?#]+[^\\s]*$"+"\"",schema:"^https?://[^\\s/?#]+[^\\s]*$",parentSchema:schema31.properties.connection.properties.url,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/connection/url",schemaPath:"#/properties/connection/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.connection.properties.url.type,parentSchema:schema31.properties.connection.properties.url,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.keyType !== undefined){
let data3 = data1.keyType;
if(!((data3 === "USER_KEY") || (data3 === "APP_KEY"))){
const err7 = {instancePath:instancePath+"/connection/keyType",schemaPath:"#/properties/connection/properties/keyType/enum",keyword:"enum",params:{allowedValues: schema31.properties.connection.properties.keyType.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.connection.properties.keyType.enum,parentSchema:schema31.properties.connection.properties.keyType,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.tokenEnv !== undefined){
let data4 = data1.tokenEnv;
if(typeof data4 === "string"){
if(!pattern5.test(data4)){
const err8 = {instancePath:instancePath+"/connection/tokenEnv",schemaPath:"#/properties/connection/properties/tokenEnv/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]*$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]*$"+"\"",schema:"^[A-Z_][A-Z0-9_]*$",parentSchema:schema31.properties.connection.properties.tokenEnv,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/connection/tokenEnv",schemaPath:"#/properties/connection/properties/tokenEnv/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.connection.properties.tokenEnv.type,parentSchema:schema31.properties.connection.properties.tokenEnv,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/connection",schemaPath:"#/properties/connection/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.connection.type,parentSchema:schema31.properties.connection,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.targets !== undefined){
let data5 = data.targets;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
const _errs13 = errors;
if(typeof key2 === "string"){
if(!pattern6.test(key2)){
const err11 = {instancePath:instancePath+"/targets",schemaPath:"#/$defs/addressKey/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]*$",parentSchema:schema32,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/targets",schemaPath:"#/$defs/addressKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.type,parentSchema:schema32,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var valid2 = _errs13 === errors;
if(!valid2){
const err13 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema31.properties.targets.propertyNames,parentSchema:schema31.properties.targets,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
for(const key3 in data5){
let data6 = data5[key3];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.url === undefined){
const err14 = {instancePath:instancePath+"/targets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/target/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema33.required,parentSchema:schema33,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key4 in data6){
if(!((((key4 === "url") || (key4 === "keyType")) || (key4 === "tokenEnv")) || (key4 === "default"))){
const err15 = {instancePath:instancePath+"/targets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/target/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data6.url !== undefined){
let data7 = data6.url;
if(typeof data7 === "string"){
if(!pattern4.test(data7)){
const err16 = {instancePath:instancePath+"/targets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/url",schemaPath:"#/$defs/target/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s/?#]+[^\\s]*$"},message:"must match pattern \""+"^https?://[^\\s/?#]+[^\\s]*$"+"\"",schema:"^https?://[^\\s/?#]+[^\\s]*$",parentSchema:schema33.properties.url,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/targets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/url",schemaPath:"#/$defs/target/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.url.type,parentSchema:schema33.properties.url,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.keyType !== undefined){
let data8 = data6.keyType;
if(!((data8 === "USER_KEY") || (data8 === "APP_KEY"))){
const err18 = {instancePath:instancePath+"/targets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/keyType",schemaPath:"#/$defs/target/properties/keyType/enum",keyword:"enum",params:{allowedValues: schema33.properties.keyType.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.keyType.enum,parentSchema:schema33.properties.keyType,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.tokenEnv !== undefined){
let data9 = data6.tokenEnv;
if(typeof data9 === "string"){
if(!pattern5.test(data9)){
const err19 = {instancePath:instancePath+"/targets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/$defs/target/properties/tokenEnv/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]*$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]*$"+"\"",schema:"^[A-Z_][A-Z0-9_]*$",parentSchema:schema33.properties.tokenEnv,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/targets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/$defs/target/properties/tokenEnv/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.tokenEnv.type,parentSchema:schema33.properties.tokenEnv,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data6.default !== undefined){
let data10 = data6.default;
if(typeof data10 !== "boolean"){
const err21 = {instancePath:instancePath+"/targets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/default",schemaPath:"#/$defs/target/properties/default/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema33.properties.default.type,parentSchema:schema33.properties.default,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/targets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/target/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.targets.type,parentSchema:schema31.properties.targets,data:data5};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.defaults !== undefined){
let data11 = data.defaults;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key5 in data11){
if(!((((((key5 === "parallelism") || (key5 === "poolParallelism")) || (key5 === "timeout")) || (key5 === "maxAge")) || (key5 === "onWarning")) || (key5 === "onRunning"))){
const err24 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.defaults,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data11.parallelism !== undefined){
let data12 = data11.parallelism;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err25 = {instancePath:instancePath+"/defaults/parallelism",schemaPath:"#/$defs/positiveInteger/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema34.type,parentSchema:schema34,data:data12};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 1 || isNaN(data12)){
const err26 = {instancePath:instancePath+"/defaults/parallelism",schemaPath:"#/$defs/positiveInteger/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema34,data:data12};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
if(data11.poolParallelism !== undefined){
let data13 = data11.poolParallelism;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err27 = {instancePath:instancePath+"/defaults/poolParallelism",schemaPath:"#/$defs/positiveInteger/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema34.type,parentSchema:schema34,data:data13};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 1 || isNaN(data13)){
const err28 = {instancePath:instancePath+"/defaults/poolParallelism",schemaPath:"#/$defs/positiveInteger/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema34,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
if(data11.timeout !== undefined){
let data14 = data11.timeout;
if(typeof data14 === "string"){
if(!pattern9.test(data14)){
const err29 = {instancePath:instancePath+"/defaults/timeout",schemaPath:"#/$defs/duration/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"+"\"",schema:"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$",parentSchema:schema36,data:data14};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/defaults/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data14};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data11.maxAge !== undefined){
let data15 = data11.maxAge;
if(typeof data15 === "string"){
if(!pattern9.test(data15)){
const err31 = {instancePath:instancePath+"/defaults/maxAge",schemaPath:"#/$defs/duration/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$"+"\"",schema:"^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$",parentSchema:schema36,data:data15};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/defaults/maxAge",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data15};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data11.onWarning !== undefined){
let data16 = data11.onWarning;
if(!((data16 === "fail") || (data16 === "succeed"))){
const err33 = {instancePath:instancePath+"/defaults/onWarning",schemaPath:"#/$defs/onWarning/enum",keyword:"enum",params:{allowedValues: schema38.enum},message:"must be equal to one of the allowed values",schema:schema38.enum,parentSchema:schema38,data:data16};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data11.onRunning !== undefined){
let data17 = data11.onRunning;
if(!(((data17 === "wait") || (data17 === "skip")) || (data17 === "fail"))){
const err34 = {instancePath:instancePath+"/defaults/onRunning",schemaPath:"#/$defs/onRunning/enum",keyword:"enum",params:{allowedValues: schema39.enum},message:"must be equal to one of the allowed values",schema:schema39.enum,parentSchema:schema39,data:data17};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.defaults.type,parentSchema:schema31.properties.defaults,data:data11};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.pools !== undefined){
let data18 = data.pools;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(Object.keys(data18).length < 1){
const err36 = {instancePath:instancePath+"/pools",schemaPath:"#/properties/pools/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema31.properties.pools,data:data18};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
for(const key6 in data18){
const _errs49 = errors;
if(typeof key6 === "string"){
if(!pattern6.test(key6)){
const err37 = {instancePath:instancePath+"/pools",schemaPath:"#/$defs/addressKey/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]*$",parentSchema:schema32,data:key6,propertyName:key6};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/pools",schemaPath:"#/$defs/addressKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.type,parentSchema:schema32,data:key6,propertyName:key6};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var valid14 = _errs49 === errors;
if(!valid14){
const err39 = {instancePath:instancePath+"/pools",schemaPath:"#/properties/pools/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid",schema:schema31.properties.pools.propertyNames,parentSchema:schema31.properties.pools,data:data18};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
for(const key7 in data18){
if(!(validate21(data18[key7], {instancePath:instancePath+"/pools/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data18,parentDataProperty:key7,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err40 = {instancePath:instancePath+"/pools",schemaPath:"#/properties/pools/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.pools.type,parentSchema:schema31.properties.pools,data:data18};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
