/* Lua bindings of the scenario API. Thin: each checks its arguments and
 * calls the session. The Session is reached through the scenario host. */
#include <lauxlib.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/scenario_lua.h"
#include "../core/score.h"
#include "../core/session.h"
#include "../core/text.h"
#include "api.h"

const ApiFunction api_functions[] = {
#define API(name, impl, sig, help) {#name, sig, help},
#include "api.def"
#undef API
};
const size_t api_function_count = sizeof api_functions / sizeof *api_functions;

#define MAX_TEXT_BYTES 4096
/* A branch or an outcome: a short name (reports show it in a column). */
#define MAX_TAG_BYTES 64

static Session *session_of(lua_State *L) { return scenario_engine(scenario_of(L)); }

/* Raises the error held in err (a message without position: Lua adds the
 * caller's file:line). */
static int raise(lua_State *L, const char *fn, const Error *err)
{
    return luaL_error(L, "%s: %s", fn, err->msg);
}

/* ---- reading option tables -------------------------------------------- */

/* Every table the API reads (options, lists) goes through plain_options:
 * a table with a metatable is refused, and fields are read raw (field()
 * below). So reading an option never runs the script's code: no __index
 * can hand the binding a string that only the stack holds and let the
 * collector free it before it is copied (a use-after-free), nor change the
 * feed under a binding that holds a pointer into it. The strings read stay
 * valid while the table, which the caller's stack holds, holds them. */
static void plain_options(lua_State *L, int idx, const char *fn, const char *what)
{
    if (lua_type(L, idx) != LUA_TTABLE)
        luaL_error(L, "%s: %s must be a table, not a %s", fn, what, luaL_typename(L, idx));
    if (lua_getmetatable(L, idx))
        luaL_error(L, "%s: %s must be a plain table (no metatable)", fn, what);
}

/* Pushes t[key] read raw from the plain table at idx; returns its type. */
static int field(lua_State *L, int idx, const char *key)
{
    idx = lua_absindex(L, idx);
    lua_pushstring(L, key);
    return lua_rawget(L, idx);
}

/* Fails on any key of the table at idx that is not in `allowed`. */
static void check_fields(lua_State *L, int idx, const char *fn, const char *const *allowed)
{
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        const char *key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        bool ok = false;
        for (size_t i = 0; key && allowed[i]; i++)
            ok = ok || strcmp(key, allowed[i]) == 0;
        if (!ok) {
            char list[256] = "";
            for (size_t i = 0; allowed[i]; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", allowed[i]);
            if (!key)
                luaL_error(L, "%s: fields have names (%s), not positions", fn, list);
            luaL_error(L, "%s: unknown field '%s' (fields: %s)", fn, key, list);
        }
    }
}

/* The string field `key` of the table at idx; NULL when absent and not
 * required. The string stays valid while the table holds it. */
static const char *opt_string(lua_State *L, int idx, const char *fn, const char *key, bool required)
{
    int t = field(L, idx, key);
    const char *s = NULL;
    if (t == LUA_TSTRING) {
        size_t len;
        s = lua_tolstring(L, -1, &len);
        if (len > MAX_TEXT_BYTES)
            luaL_error(L, "%s: %s is longer than %d bytes", fn, key, MAX_TEXT_BYTES);
        if (!text_is_utf8(s, len))
            luaL_error(L, "%s: %s is not valid UTF-8 text", fn, key);
    } else if (t != LUA_TNIL) {
        luaL_error(L, "%s: %s must be a string, not a %s", fn, key, lua_typename(L, t));
    } else if (required) {
        luaL_error(L, "%s: %s is required", fn, key);
    }
    lua_pop(L, 1);
    return s;
}

static double opt_number(lua_State *L, int idx, const char *fn, const char *key, double dflt, double lo, double hi)
{
    int t = field(L, idx, key);
    double v = dflt;
    if (t == LUA_TNUMBER) {
        v = lua_tonumber(L, -1);
        if (!(v >= lo && v <= hi)) /* also catches NaN */
            luaL_error(L, "%s: %s must be between %g and %g", fn, key, lo, hi);
    } else if (t != LUA_TNIL) {
        luaL_error(L, "%s: %s must be a number, not a %s", fn, key, lua_typename(L, t));
    }
    lua_pop(L, 1);
    return v;
}

static bool opt_bool(lua_State *L, int idx, const char *fn, const char *key)
{
    int t = field(L, idx, key);
    if (t != LUA_TNIL && t != LUA_TBOOLEAN)
        luaL_error(L, "%s: %s must be true or false", fn, key);
    bool v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

static bool is_tag(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static const char *opt_tag(lua_State *L, int idx, const char *fn, const char *key, bool required)
{
    const char *s = opt_string(L, idx, fn, key, required);
    if (s && !is_tag(s))
        luaL_error(L, "%s: %s '%s' must be a tag of lower-case letters, digits and _", fn, key, s);
    return s;
}

static char *dup_checked(lua_State *L, const char *s)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        luaL_error(L, "out of memory");
    return d;
}

static int64_t seconds_to_ms(lua_State *L, double seconds, const char *fn)
{
    if (!(seconds >= 0 && seconds <= 1e7))
        luaL_error(L, "%s: seconds must be between 0 and 10000000", fn);
    return (int64_t)llround(seconds * 1000.0);
}

/* ---- metadata --------------------------------------------------------- */

static void read_bend(lua_State *L, int idx, const char *name, Bend *b)
{
    if (field(L, idx, name) == LUA_TTABLE) {
        static const char *const fields[] = {"rate", "growth", NULL};
        plain_options(L, -1, "scenario", "effects");
        check_fields(L, -1, "scenario.effects", fields);
        b->rate = opt_number(L, -1, "scenario.effects", "rate", b->rate, 0, 100);
        b->growth = opt_number(L, -1, "scenario.effects", "growth", b->growth, -100, 100);
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "scenario: effects.%s must be a table { rate = ..., growth = ... }", name);
    }
    lua_pop(L, 1);
}

static void read_effects(lua_State *L, int idx, VirEffects *e)
{
    const char *fields[EFFECT_COUNT + 1] = {NULL};
    for (int i = 0; i < EFFECT_COUNT; i++) {
        const EffectInfo *info = effect_info((EffectId)i);
        e->bend[i] = (Bend){info->rate, info->growth};
        fields[i] = info->name;
    }
    if (field(L, idx, "effects") == LUA_TTABLE) {
        plain_options(L, -1, "scenario", "effects");
        check_fields(L, -1, "scenario.effects", fields);
        for (int i = 0; i < EFFECT_COUNT; i++)
            read_bend(L, -1, fields[i], &e->bend[i]);
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "scenario: effects must be a table");
    }
    lua_pop(L, 1);
}

static void read_languages(lua_State *L, int idx, ScenarioMeta *m)
{
    if (field(L, idx, "languages") == LUA_TTABLE) {
        plain_options(L, -1, "scenario", "languages");
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        if (n < 1 || n > SCENARIO_MAX_LANGUAGES)
            luaL_error(L, "scenario: languages must list 1 to %d codes, e.g. { \"en\", \"fr\" }", SCENARIO_MAX_LANGUAGES);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            const char *code = lua_tostring(L, -1);
            if (lua_type(L, -1) != LUA_TSTRING || !is_tag(code) || strlen(code) > 8)
                luaL_error(L, "scenario: languages[%d] must be a code such as \"fr\"", (int)i);
            m->languages[m->nlanguages++] = dup_checked(L, code);
            lua_pop(L, 1);
        }
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "scenario: languages must be a list such as { \"en\", \"fr\" }");
    }
    lua_pop(L, 1);
}

static int f_scenario(lua_State *L)
{
    static const char *const fields[] = {"id", "title", "summary", "version", "languages", "duration", "rules",
                                         "difficulty", "network", "limit", "brand", "effects", NULL};
    Scenario *sc = scenario_of(L);
    ScenarioMeta *m = scenario_meta_mut(sc);
    if (!scenario_loading(sc))
        return luaL_error(L, "scenario: call it at the top of the file, not inside a function");
    if (m->declared)
        return luaL_error(L, "scenario: declared twice (first at line %d)", m->line);
    plain_options(L, 1, "scenario", "the options");
    check_fields(L, 1, "scenario", fields);
    m->declared = true;
    m->line = scenario_caller_line(L);
    const char *id = opt_string(L, 1, "scenario", "id", true);
    if (!is_tag(id) && !strchr(id, '-'))
        return luaL_error(L, "scenario: id '%s' must use lower-case letters, digits, - and _", id);
    m->id = dup_checked(L, id);
    m->title = dup_checked(L, opt_string(L, 1, "scenario", "title", true));
    m->summary = dup_checked(L, opt_string(L, 1, "scenario", "summary", false));
    m->version = dup_checked(L, opt_string(L, 1, "scenario", "version", false));
    m->rules = dup_checked(L, opt_string(L, 1, "scenario", "rules", false));
    m->network = dup_checked(L, opt_string(L, 1, "scenario", "network", false));
    m->duration_ms = seconds_to_ms(L, opt_number(L, 1, "scenario", "duration", 0, 1, 86400), "scenario");
    m->difficulty = (int)opt_number(L, 1, "scenario", "difficulty", 2, 1, 3);
    m->text_limit = (int)opt_number(L, 1, "scenario", "limit", 280, 20, 100000);
    read_languages(L, 1, m);
    read_effects(L, 1, &m->effects);
    if (field(L, 1, "brand") == LUA_TTABLE) {
        static const char *const brand_fields[] = {"handle", "name", "followers", NULL};
        plain_options(L, -1, "scenario", "brand");
        check_fields(L, -1, "scenario.brand", brand_fields);
        m->brand_handle = dup_checked(L, opt_string(L, -1, "scenario.brand", "handle", true));
        m->brand_name = dup_checked(L, opt_string(L, -1, "scenario.brand", "name", false));
        m->brand_followers = (int64_t)opt_number(L, -1, "scenario.brand", "followers", 0, 0, 1e10);
    }
    lua_pop(L, 1);
    return 0;
}

static int f_persona(lua_State *L)
{
    static const char *const fields[] = {"handle", "name", "followers", "verified", "role", "bio", NULL};
    plain_options(L, 1, "persona", "the options");
    check_fields(L, 1, "persona", fields);
    Persona p = {
        .handle = (char *)opt_string(L, 1, "persona", "handle", true),
        .name = (char *)opt_string(L, 1, "persona", "name", false),
        .followers = (int64_t)opt_number(L, 1, "persona", "followers", 0, 0, 1e10),
        .verified = opt_bool(L, 1, "persona", "verified"),
        .role = (char *)opt_tag(L, 1, "persona", "role", false),
        .bio = (char *)opt_string(L, 1, "persona", "bio", false),
    };
    if (p.handle[0] != '@' || strlen(p.handle) < 2 || strlen(p.handle) > 64 || strpbrk(p.handle, " \t\n"))
        return luaL_error(L, "persona: handle '%s' must look like @name", p.handle);
    Error err;
    if (!session_add_persona(session_of(L), &p, &err))
        return raise(L, "persona", &err);
    return 0;
}

static int f_template(lua_State *L)
{
    static const char *const fields[] = {"id", "situation", "label", "text", "channel", NULL};
    plain_options(L, 1, "template", "the options");
    check_fields(L, 1, "template", fields);
    Template t = {
        .id = (char *)opt_tag(L, 1, "template", "id", true),
        .situation = (char *)opt_string(L, 1, "template", "situation", false),
        .label = (char *)opt_string(L, 1, "template", "label", false),
        .text = (char *)opt_string(L, 1, "template", "text", true),
        .channel = (char *)opt_string(L, 1, "template", "channel", false),
    };
    if (t.channel && strcmp(t.channel, "public") != 0 && strcmp(t.channel, "private") != 0)
        return luaL_error(L, "template: channel '%s' must be \"public\" or \"private\"", t.channel);
    if (t.situation && strcmp(t.situation, "*") != 0 && !is_tag(t.situation))
        return luaL_error(L, "template: situation '%s' must be a tag (or \"*\" for any)", t.situation);
    Error err;
    if (!session_add_template(session_of(L), &t, &err))
        return raise(L, "template", &err);
    return 0;
}

/* ---- posts ------------------------------------------------------------ */

static void read_curve(lua_State *L, int idx, const char *fn, Virality *v)
{
    static const char *const fields[] = {"rate", "growth", "cap", "likes", "replies", NULL};
    check_fields(L, idx, fn, fields);
    v->rate_per_min = opt_number(L, idx, fn, "rate", v->rate_per_min, 0, 1e6);
    v->growth_per_min = opt_number(L, idx, fn, "growth", v->growth_per_min, -10, 10);
    v->cap = opt_number(L, idx, fn, "cap", v->cap, 0, 1e10);
    v->likes_per_repost = opt_number(L, idx, fn, "likes", v->likes_per_repost, 0, 1000);
    v->replies_per_repost = opt_number(L, idx, fn, "replies", v->replies_per_repost, 0, 1000);
}

/* Picks a free automatic id: p<n>, with a suffix if a scenario took it. */
static void auto_id(Session *s, char *buf, size_t size)
{
    size_t n = feed_post_count(session_feed(s)) + 1;
    snprintf(buf, size, "p%zu", n);
    for (int k = 2; feed_post(session_feed(s), buf); k++)
        snprintf(buf, size, "p%zu_%d", n, k);
}

/* Shows a post described by the options table at idx. */
static int show_post(lua_State *L, const char *fn, int idx, PostKind kind, const char *parent)
{
    static const char *const fields[] = {"id", "author", "text", "situation", "sentiment", "likes", "replies",
                                         "virality", NULL};
    Session *s = session_of(L);
    if (scenario_loading(scenario_of(L)))
        return luaL_error(L, "%s: posts appear in main() or a spawned function, not at the top of the file", fn);
    plain_options(L, idx, fn, "the options");
    check_fields(L, idx, fn, fields);
    const char *parent_situation = parent && feed_post(session_feed(s), parent)
                                       ? feed_post(session_feed(s), parent)->situation : NULL;
    Post p = {
        .kind = kind,
        .id = (char *)opt_string(L, idx, fn, "id", false),
        .author = (char *)opt_string(L, idx, fn, "author", true),
        .text = (char *)opt_string(L, idx, fn, "text", kind != POST_REPOST),
        .situation = (char *)opt_tag(L, idx, fn, "situation", false),
        .parent = (char *)parent,
        .base_likes = opt_number(L, idx, fn, "likes", 0, 0, 1e10),
        .base_replies = opt_number(L, idx, fn, "replies", 0, 0, 1e10),
    };
    if (!p.situation)
        p.situation = (char *)(kind == POST_REPOST && parent_situation ? "echo" : "none");
    const char *sentiment = opt_string(L, idx, fn, "sentiment", false);
    if (sentiment && strcmp(sentiment, "negative") && strcmp(sentiment, "neutral") && strcmp(sentiment, "positive"))
        return luaL_error(L, "%s: sentiment must be \"negative\", \"neutral\" or \"positive\"", fn);
    p.negative = sentiment ? strcmp(sentiment, "negative") == 0 : situation_is_negative(p.situation);
    if (field(L, idx, "virality") == LUA_TTABLE) {
        plain_options(L, -1, fn, "virality");
        read_curve(L, lua_gettop(L), fn, &p.curve);
    }
    else if (!lua_isnil(L, -1))
        return luaL_error(L, "%s: virality must be a table { rate = ..., growth = ... }", fn);
    lua_pop(L, 1);
    int limit = scenario_meta(scenario_of(L))->text_limit;
    if (kind == POST_NEWS) {
        p.situation = "news";
        p.negative = false;
    } else if (kind == POST_INTERNAL && !opt_tag(L, idx, fn, "situation", false)) {
        p.situation = "internal_request";
        p.negative = false;
    }
    if (p.text && kind <= POST_QUOTE && limit > 0 && text_utf8_length(p.text) > (size_t)limit)
        return luaL_error(L, "%s: the text is %d characters; the network allows %d", fn,
                          (int)text_utf8_length(p.text), limit);
    char id[64];
    if (!p.id) {
        auto_id(s, id, sizeof id);
        p.id = id;
    } else if (!*p.id || strlen(p.id) > 60 || strpbrk(p.id, " \t\n\":#")) {
        return luaL_error(L, "%s: id '%s' must be a short name without spaces, quotes, ':' or '#'", fn, p.id);
    }
    Error err;
    Post *added = session_add_post(s, &p, &err);
    if (!added)
        return raise(L, fn, &err);
    lua_pushstring(L, added->id);
    return 1;
}

static int f_post(lua_State *L) { return show_post(L, "post", 1, POST_POST, NULL); }
static int f_dm(lua_State *L) { return show_post(L, "dm", 1, POST_DM, NULL); }
static int f_news(lua_State *L) { return show_post(L, "news", 1, POST_NEWS, NULL); }
static int f_internal(lua_State *L) { return show_post(L, "internal", 1, POST_INTERNAL, NULL); }
static int f_reply(lua_State *L) { return show_post(L, "reply", 2, POST_REPLY, luaL_checkstring(L, 1)); }
static int f_quote(lua_State *L) { return show_post(L, "quote", 2, POST_QUOTE, luaL_checkstring(L, 1)); }
static int f_repost(lua_State *L) { return show_post(L, "repost", 2, POST_REPOST, luaL_checkstring(L, 1)); }

static Post *check_post(lua_State *L, int idx, const char *fn)
{
    const char *id = luaL_checkstring(L, idx);
    Post *p = feed_post(session_feed_mut(session_of(L)), id);
    if (!p)
        luaL_error(L, "%s: no post '%s' in the feed", fn, id);
    return p;
}

static int f_counters(lua_State *L)
{
    Post *p = check_post(L, 1, "counters");
    Counters c = feed_counters(p, session_now_ms(session_of(L)));
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, c.reposts);
    lua_setfield(L, -2, "reposts");
    lua_pushinteger(L, c.likes);
    lua_setfield(L, -2, "likes");
    lua_pushinteger(L, c.replies);
    lua_setfield(L, -2, "replies");
    return 1;
}

static int f_virality(lua_State *L)
{
    plain_options(L, 2, "virality", "the curve");
    Post *p = check_post(L, 1, "virality");
    Virality v = p->curve;
    read_curve(L, 2, "virality", &v);
    feed_post_set_curve(session_feed_mut(session_of(L)), p, session_now_ms(session_of(L)), &v);
    return 0;
}

/* ---- timeline --------------------------------------------------------- */

static int f_wait(lua_State *L)
{
    int64_t ms = seconds_to_ms(L, luaL_checknumber(L, 1), "wait");
    return scenario_wait(L, session_now_ms(session_of(L)) + ms);
}

static unsigned read_kinds(lua_State *L, int idx)
{
    unsigned mask = 0;
    int t = field(L, idx, "kinds");
    if (t == LUA_TTABLE)
        plain_options(L, -1, "await", "kinds");
    if (t == LUA_TSTRING || t == LUA_TTABLE) {
        lua_Integer n = t == LUA_TSTRING ? 1 : (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            if (t == LUA_TTABLE)
                lua_rawgeti(L, -1, i);
            ActionKind k = ACT_OPEN; /* luaL_error below does not return */
            const char *name = lua_tostring(L, -1);
            char list[256];
            if (!name || !action_kind_from_name(name, &k))
                luaL_error(L, "await: kinds lists actions among %s", action_kind_list(list, sizeof list, ", ", NULL));
            mask |= 1u << k;
            if (t == LUA_TTABLE)
                lua_pop(L, 1);
        }
    } else if (t != LUA_TNIL) {
        luaL_error(L, "await: kinds must be a list such as { \"reply\", \"dm\" }");
    }
    lua_pop(L, 1);
    return mask;
}

/* A role the rule set does not declare is a scenario bug: say so where it is. */
static void check_role(lua_State *L, const char *fn, const char *role)
{
    const RuleSet *rules = session_rules(session_of(L));
    if (rules && !rules_has_role(rules, role))
        luaL_error(L, "%s: role '%s' is not in rule set '%s'", fn, role, rules->name);
}

static int f_await(lua_State *L)
{
    static const char *const fields[] = {"post", "kinds", "role", "situation", "author_role", "timeout", NULL};
    if (lua_isnoneornil(L, 1)) {
        lua_settop(L, 0);
        lua_newtable(L);
    }
    plain_options(L, 1, "await", "the options");
    check_fields(L, 1, "await", fields);
    AwaitFilter f = {
        .post = opt_string(L, 1, "await", "post", false),
        .role = opt_string(L, 1, "await", "role", false),
        .situation = opt_tag(L, 1, "await", "situation", false),
        .author_role = opt_tag(L, 1, "await", "author_role", false),
    };
    if (f.role)
        check_role(L, "await", f.role);
    f.kinds = read_kinds(L, 1);
    double timeout = opt_number(L, 1, "await", "timeout", -1, 0, 1e7);
    int64_t until = timeout < 0 ? INT64_MAX : session_now_ms(session_of(L)) + seconds_to_ms(L, timeout, "await");
    return scenario_await(L, &f, until);
}

static int f_spawn(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    if (scenario_loading(scenario_of(L)))
        return luaL_error(L, "spawn: call it from main(), not at the top of the file");
    scenario_spawn(L, 1, session_now_ms(session_of(L)));
    return 0;
}

static int f_now(lua_State *L)
{
    lua_pushnumber(L, (double)session_now_ms(session_of(L)) / 1000.0);
    return 1;
}

static int f_handled(lua_State *L)
{
    const char *id = lua_isnoneornil(L, 1) ? NULL : luaL_checkstring(L, 1);
    Session *s = session_of(L);
    lua_newtable(L);
    lua_Integer n = 0;
    for (size_t i = 0; i < session_action_count(s); i++) {
        const ActionLog *a = session_action_at(s, i);
        if (a->kind == ACT_OPEN || (id && (!a->post_id || strcmp(a->post_id, id) != 0)))
            continue;
        const Post *target = a->post_id ? feed_post(session_feed(s), a->post_id) : NULL;
        const Persona *author = target ? feed_persona(session_feed(s), target->author) : NULL;
        Action act = {.kind = a->kind, .at_ms = a->at_ms, .post_id = a->post_id, .role = a->role,
                      .template_id = a->template_id, .edited = a->edited, .text = a->text,
                      .own_post_id = a->own_post_id};
        ActionEvent ev = {.action = &act, .good = a->good, .concepts = a->concepts, .nconcepts = a->nconcepts,
                          .situation = target ? target->situation : NULL, .author_role = author ? author->role : NULL};
        scenario_push_action(L, &ev);
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

static int f_alerted(lua_State *L)
{
    const char *role = luaL_checkstring(L, 1);
    check_role(L, "alerted", role);
    Session *s = session_of(L);
    for (size_t i = 0; i < session_action_count(s); i++) {
        const ActionLog *a = session_action_at(s, i);
        if (a->kind == ACT_ALERT && a->good && a->role && strcmp(a->role, role) == 0) {
            lua_pushnumber(L, (double)a->at_ms / 1000.0);
            return 1;
        }
    }
    lua_pushnil(L);
    return 1;
}

static int f_branch(lua_State *L)
{
    size_t len;
    const char *name = luaL_checklstring(L, 1, &len);
    if (len > MAX_TAG_BYTES)
        return luaL_error(L, "branch: a name is at most %d characters", MAX_TAG_BYTES);
    if (!is_tag(name))
        return luaL_error(L, "branch: '%s' must be a tag of lower-case letters, digits and _", name);
    if (scenario_loading(scenario_of(L)))
        return luaL_error(L, "branch: call it from main() or a spawned function");
    Error err;
    if (!session_mark_branch(session_of(L), name, &err))
        return raise(L, "branch", &err);
    return 0;
}

static int f_finish(lua_State *L)
{
    size_t len = 0;
    const char *outcome = luaL_optlstring(L, 1, NULL, &len);
    if (len > MAX_TAG_BYTES)
        return luaL_error(L, "finish: an outcome is at most %d characters", MAX_TAG_BYTES);
    if (outcome && !is_tag(outcome))
        return luaL_error(L, "finish: outcome '%s' must be a tag of lower-case letters, digits and _", outcome);
    if (scenario_loading(scenario_of(L)))
        return luaL_error(L, "finish: call it from main() or a spawned function");
    session_request_finish(session_of(L), outcome);
    return scenario_wait(L, INT64_MAX); /* this thread never runs again */
}

static int f_random(lua_State *L)
{
    Rng *rng = scenario_rng(scenario_of(L));
    lua_Integer lo = luaL_checkinteger(L, 1), hi = luaL_checkinteger(L, 2);
    luaL_argcheck(L, lo <= hi, 2, "random(m, n) needs m <= n");
    lua_pushinteger(L, rng_range(rng, lo, hi));
    return 1;
}

static int f_chance(lua_State *L)
{
    double p = luaL_checknumber(L, 1);
    luaL_argcheck(L, p >= 0 && p <= 1, 1, "a probability between 0 and 1");
    lua_pushboolean(L, rng_unit(scenario_rng(scenario_of(L))) < p);
    return 1;
}

static int f_log(lua_State *L)
{
    Session *s = session_of(L);
    if (!getenv("CRISISDRILL_VERBOSE"))
        return 0;
    int64_t t = session_now_ms(s);
    fprintf(stderr, "[%02lld:%02lld] ", (long long)(t / 60000), (long long)(t / 1000 % 60));
    int n = lua_gettop(L); /* luaL_tolstring pushes: count first */
    for (int i = 1; i <= n; i++) {
        fprintf(stderr, "%s%s", i > 1 ? " " : "", luaL_tolstring(L, i, NULL));
        lua_pop(L, 1);
    }
    fputc('\n', stderr);
    return 0;
}

/* ---- drafts ----------------------------------------------------------- */

/* How a role answers a draft: what approve(), amend(text) and refuse(reason)
 * make (prelude.lua), or the rule set's judgement. */
typedef struct Decision {
    DraftStatus status;
    const char *answer;  /* the amended text, the reason */
    const char *note;    /* the words of the answer, instead of the default ones */
} Decision;

static void read_decision(lua_State *L, int idx, Decision *d)
{
    static const char *const fields[] = {"decision", "text", "reason", "note", NULL};
    plain_options(L, idx, "answer", "the decision");
    check_fields(L, idx, "answer", fields);
    const char *name = opt_string(L, idx, "answer", "decision", true);
    const char *text = opt_string(L, idx, "answer", "text", false);
    const char *reason = opt_string(L, idx, "answer", "reason", false);
    d->note = opt_string(L, idx, "answer", "note", false);
    if (strcmp(name, "approve") == 0 && !text && !reason)
        *d = (Decision){DRAFT_APPROVED, NULL, d->note};
    else if (strcmp(name, "amend") == 0 && text && *text && !reason)
        *d = (Decision){DRAFT_AMENDED, text, d->note};
    else if (strcmp(name, "refuse") == 0 && reason && *reason && !text && !d->note)
        *d = (Decision){DRAFT_REFUSED, reason, NULL};
    else
        luaL_error(L, "answer: a decision is approve(note), amend(text, note) or refuse(reason), not { decision = "
                      "\"%s\"%s%s%s }", name, text ? ", text" : "", reason ? ", reason" : "", d->note ? ", note" : "");
}

/* What a careful colleague of the draft's role answers by the rule set:
 * refused for the first rule that forbids what the draft says everywhere
 * (the rule's why and the words found), else approved. */
static void judge_by_rules(lua_State *L, const Draft *draft, Decision *d, char *reason, size_t size)
{
    Scorer *scorer = session_scorer(session_of(L));
    const Rule *rule;
    const char *phrase;
    if (!scorer_forbidding_rule(scorer, draft->text, draft->role, &rule, &phrase))
        luaL_error(L, "out of memory");
    *d = (Decision){DRAFT_APPROVED, NULL, NULL};
    if (!rule)
        return;
    const char *why = scorer_rule_why(scorer, rule);
    snprintf(reason, size, "%s — \"%s\"", why ? why : rule->key, phrase);
    *d = (Decision){DRAFT_REFUSED, reason, NULL};
}

/* The words of the answer on the internal channel, in the scenario's language. */
static void decision_message(lua_State *L, const Decision *d, char *buf, size_t size)
{
    lua_pushglobaltable(L);
    lua_pushliteral(L, "LANG");
    lua_rawget(L, -2);
    bool fr = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "fr") == 0;
    lua_pop(L, 2);
    if (d->status == DRAFT_APPROVED)
        snprintf(buf, size, "%s", d->note ? d->note : fr ? "Approuvé — publiez-le tel quel." : "Approved — publish it as is.");
    else if (d->status == DRAFT_AMENDED)
        snprintf(buf, size, "%s\n%s", d->note ? d->note : fr ? "Modifié — publiez cette version :" : "Amended — publish "
                 "this version:", d->answer);
    else
        snprintf(buf, size, fr ? "Refusé : %s" : "Refused: %s", d->answer);
}

static int f_answer(lua_State *L)
{
    const char *id = luaL_checkstring(L, 1);
    const char *author = luaL_optstring(L, 3, NULL);
    Session *s = session_of(L);
    if (scenario_loading(scenario_of(L)))
        return luaL_error(L, "answer: call it from main() or a spawned function");
    Draft *draft = drafts_find(session_drafts(s), id);
    if (!draft)
        return luaL_error(L, "answer: no draft '%s' (a draft is the own post of a submit action, e.g. submit:3)", id);
    Decision d = {DRAFT_PENDING, NULL, NULL};
    char reason[MAX_TEXT_BYTES], message[2 * MAX_TEXT_BYTES + 64];
    if (!lua_isnoneornil(L, 2))
        read_decision(L, 2, &d);
    int limit = scenario_meta(scenario_of(L))->text_limit;
    if (d.status == DRAFT_AMENDED && limit > 0 && text_utf8_length(d.answer) > (size_t)limit)
        return luaL_error(L, "answer: the amended text is %d characters; the network allows %d (it is to be published)",
                          (int)text_utf8_length(d.answer), limit);
    if (draft->status != DRAFT_PENDING) {
        lua_pushboolean(L, false);
        return 1;
    }
    if (d.status == DRAFT_PENDING)
        judge_by_rules(L, draft, &d, reason, sizeof reason);
    decision_message(L, &d, message, sizeof message);
    Error err;
    if (!session_answer_draft(s, draft, d.status, d.answer, author, message, &err))
        return raise(L, "answer", &err);
    lua_pushboolean(L, true);
    return 1;
}

static int f_require(lua_State *L) { return scenario_require(L, luaL_checkstring(L, 1)); }

static void api_open(lua_State *L)
{
    static const luaL_Reg functions[] = {
#define C(name) {#name, f_##name},
#define LUA(name)
#define API(name, impl, sig, help) impl(name)
#include "api.def"
#undef API
#undef C
#undef LUA
        {NULL, NULL},
    };
    lua_pushglobaltable(L);
    luaL_setfuncs(L, functions, 0);
    lua_pop(L, 1);
}

/* The helpers written in Lua: engine/api/prelude.lua, embedded by CMake. */
extern const char api_prelude_lua[];
extern const size_t api_prelude_lua_len;

static void open_api(lua_State *L) { api_open(L); }

const ScenarioBindings *scenario_api_bindings(void)
{
    static ScenarioBindings b;
    b = (ScenarioBindings){.open = open_api, .prelude = api_prelude_lua, .prelude_len = api_prelude_lua_len};
    return &b;
}
