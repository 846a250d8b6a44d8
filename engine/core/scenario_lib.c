/* The scenarios' library folder: require "NAME" loads lib/NAME.lua, a module
 * of code shared by scenarios (the press thread...). The module runs in the
 * scenario's own state, on the thread that requires it, so it is under the
 * same sandbox, strict globals and budgets as the scenario's top level; its
 * text is folded into the scenario's content hash (a session records which
 * version of the library it played); it is loaded once per state. */
#include "scenario_lua.h"
#include "text.h"

#include <errno.h>
#include <lauxlib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MODULE_NAME_MAX 64
#define MODULE_FILE_MAX (1024 * 1024)

static const char CACHE_KEY = 'L';   /* registry: name -> the module's value */
static const char LOADING = 'l';     /* the value while the module's file runs */

static bool is_module_name(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '_'))
            return false;
    return n > 0 && n <= MODULE_NAME_MAX;
}

/* The folder the scenario file is in, into buf ("" for the current one),
 * without trailing slashes ("a//scenario.lua" is in "a"). */
static void folder_of(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    snprintf(buf, size, "%.*s", slash ? (int)(slash - path) : 0, path);
    size_t n = strlen(buf);
    while (n > 1 && buf[n - 1] == '/')
        buf[--n] = '\0';
    if (slash == path)
        snprintf(buf, size, "/");
}

/* The parent of a folder, lexically: "a/b" -> "a", "b" -> "", "" -> "..". */
static void parent_of(const char *dir, char *buf, size_t size)
{
    const char *slash = strrchr(dir, '/');
    const char *last = slash ? slash + 1 : dir;
    if (!*dir || !strcmp(last, ".") || !strcmp(last, ".."))
        snprintf(buf, size, "%s%s..", dir, *dir ? "/" : "");
    else if (slash == dir)
        snprintf(buf, size, "/");
    else
        snprintf(buf, size, "%.*s", slash ? (int)(slash - dir) : 0, dir);
}

/* Where module `name` lives: lib/ beside the scenario's folder for a folder
 * scenario (a file named scenario.lua: scenarios/ID/scenario.lua ->
 * scenarios/lib/NAME.lua), lib/ beside the file for a single-file one. */
static void module_path(const char *scenario, const char *name, char *buf, size_t size)
{
    char dir[PATH_MAX], base[PATH_MAX];
    folder_of(scenario, dir, sizeof dir);
    const char *file = strrchr(scenario, '/') ? strrchr(scenario, '/') + 1 : scenario;
    if (strcmp(file, "scenario.lua") == 0)
        parent_of(dir, base, sizeof base);
    else
        snprintf(base, sizeof base, "%s", dir);
    if (!*base)
        snprintf(buf, size, "lib/%s.lua", name);
    else
        snprintf(buf, size, "%s%slib/%s.lua", base, strcmp(base, "/") ? "/" : "", name);
}

/* Pushes the cache table, made on first use. */
static void push_cache(lua_State *L)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &CACHE_KEY) == LUA_TTABLE)
        return;
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &CACHE_KEY);
}

static bool missing(const char *path)
{
    struct stat st;
    return stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

/* Where module `name` is, into path: beside the scenario, else in the
 * installed library folder; raises when neither has it. */
static void find_module(lua_State *L, Scenario *sc, const char *name, char *path, size_t size)
{
    module_path(scenario_path(sc), name, path, size);
    if (!missing(path))
        return;
    const char *library = scenario_library(sc);
    char beside[PATH_MAX];
    snprintf(beside, sizeof beside, "%s", path);
    if (library) {
        snprintf(path, size, "%s/%s.lua", library, name);
        if (!missing(path))
            return;
        luaL_error(L, "require: no module '%s' (no file %s, nor %s)", name, beside, path);
    }
    luaL_error(L, "require: no module '%s' (no file %s)", name, beside);
}

/* Reads and compiles the module's file, folding it into the content hash;
 * leaves the chunk on the stack or raises. */
static void load_module(lua_State *L, Scenario *sc, const char *path)
{
    char chunkname[PATH_MAX + 1];
    Error err;
    size_t len;
    char *buf = text_read_file(path, MODULE_FILE_MAX, &len, &err);
    if (!buf)
        luaL_error(L, "require: %s", err.msg);
    scenario_fold_content(sc, buf, len);
    snprintf(chunkname, sizeof chunkname, "@%s", path);
    int status = luaL_loadbufferx(L, buf, len, chunkname, "t");
    free(buf);
    if (status != LUA_OK)
        lua_error(L); /* a syntax error: "path:line: message" */
}

int scenario_require(lua_State *L, const char *name)
{
    Scenario *sc = scenario_of(L);
    if (!is_module_name(name)) {
        char shown[MODULE_NAME_MAX + 8];
        return luaL_error(L, "require: '%s' is not a module name: lower-case letters, digits and _ only (no path, "
                             "no dot), for the file lib/NAME.lua", text_visible(name, shown, sizeof shown));
    }
    push_cache(L);
    int cache = lua_gettop(L);
    if (lua_getfield(L, cache, name) != LUA_TNIL) {
        if (lua_touserdata(L, -1) == &LOADING)
            return luaL_error(L, "require: module '%s' is required while it loads (modules that require each "
                                 "other, or a load that failed)", name);
        return 1;
    }
    lua_pop(L, 1);
    char path[PATH_MAX];
    find_module(L, sc, name, path, sizeof path);
    if (!scenario_loading(sc))
        return luaL_error(L, "require: load module '%s' at the top level of the scenario (its text is part of the "
                             "scenario's version); later calls return it", name);
    load_module(L, sc, path);
    lua_pushlightuserdata(L, (void *)&LOADING);
    lua_setfield(L, cache, name);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) { /* a module that returns nothing is loaded all the same */
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, cache, name);
    return 1;
}
