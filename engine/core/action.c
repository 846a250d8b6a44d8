#include "action.h"

#include <string.h>

static const char *const names[ACT_KIND_COUNT] = {"open", "reply", "dm", "hide", "delete", "like", "alert"};

const char *action_kind_name(ActionKind k) { return k < ACT_KIND_COUNT ? names[k] : "?"; }

bool action_kind_from_name(const char *s, ActionKind *out)
{
    for (int i = 0; i < ACT_KIND_COUNT; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (ActionKind)i;
            return true;
        }
    return false;
}
