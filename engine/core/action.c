#include "action.h"

#include <stdio.h>
#include <string.h>

static const ActionKindInfo kinds[ACT_KIND_COUNT] = {
#define ACTION_KIND(id, nm, k, le, lf, de, df, tg, rl, wd, sc, jn, gd, bd, mk, to, hp)                   \
    {.name = nm, .key = k, .label = {le, lf}, .doing = {de, df}, .target = tg, .role = rl, .words = wd,       \
     .scoring = sc, .joins = jn, .good = gd, .bad = bd, .mark = mk, .mark_to = to, .help = hp},
#include "action_kinds.def"
#undef ACTION_KIND
};

static const EffectInfo effects[EFFECT_COUNT] = {
#define ACTION_KIND(...)
#define EFFECT(id, nm, r, g) {nm, r, g},
#include "action_kinds.def"
#undef EFFECT
#undef ACTION_KIND
};

const ActionKindInfo *action_kind(ActionKind k) { return (unsigned)k < ACT_KIND_COUNT ? &kinds[k] : NULL; }

const char *action_kind_name(ActionKind k) { return (unsigned)k < ACT_KIND_COUNT ? kinds[k].name : "?"; }

bool action_kind_from_name(const char *s, ActionKind *out)
{
    for (int i = 0; s && i < ACT_KIND_COUNT; i++)
        if (strcmp(s, kinds[i].name) == 0) {
            *out = (ActionKind)i;
            return true;
        }
    return false;
}

bool action_kind_from_key(int key, ActionKind *out)
{
    for (int i = 0; key > 0 && i < ACT_KIND_COUNT; i++)
        if (kinds[i].key == key) {
            *out = (ActionKind)i;
            return true;
        }
    return false;
}

const char *action_kind_list(char *buf, size_t size, const char *sep, bool (*keep)(const ActionKindInfo *k))
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < ACT_KIND_COUNT; i++)
        if (!keep || keep(&kinds[i])) {
            int n = snprintf(buf + used, size - used, "%s%s", used ? sep : "", kinds[i].name);
            if (n < 0 || (size_t)n >= size - used)
                break;
            used += (size_t)n;
        }
    return buf;
}

const char *action_kind_doing(ActionKind k, int lang)
{
    return (unsigned)k < ACT_KIND_COUNT ? kinds[k].doing[lang == 1] : "?";
}

bool action_kind_has_answer(const ActionKindInfo *k) { return k->scoring == SCORED_ANSWER; }

bool action_kind_publishes_draft(const ActionKindInfo *k) { return k->joins == JOINS_AS_POST; }

bool action_kind_in_perimeter(const ActionKindInfo *k)
{
    return k->scoring == SCORED_PERIMETER || k->scoring == SCORED_ANSWER;
}

const EffectInfo *effect_info(EffectId e) { return (unsigned)e < EFFECT_COUNT ? &effects[e] : NULL; }

bool effect_from_name(const char *s, EffectId *out)
{
    for (int i = 0; s && i < EFFECT_COUNT; i++)
        if (strcmp(s, effects[i].name) == 0) {
            *out = (EffectId)i;
            return true;
        }
    return false;
}
