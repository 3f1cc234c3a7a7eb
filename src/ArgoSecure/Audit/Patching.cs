using System.Globalization;

namespace ArgoSecure.Audit;

/// <summary>Applies JSON 6902 patch operations (add, replace, remove) to an object, as kustomize does.</summary>
internal static class JsonPatch
{
    public static bool Apply(YMap root, YNode operation, out string error)
    {
        var op = operation.TextAt("op") ?? "";
        var path = operation.TextAt("path") ?? "";
        var value = operation["value"];
        error = "";
        if (op is not ("add" or "replace" or "remove"))
        {
            error = $"JSON patch operation '{op}' is not supported by the audit";
            return false;
        }

        var tokens = path.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        if (tokens.Length == 0)
        {
            error = $"JSON patch path '{path}' is empty";
            return false;
        }

        YNode? parent = root;
        foreach (var token in tokens[..^1])
        {
            parent = Step(parent, token);
        }

        var last = tokens[^1];
        switch (parent)
        {
            case YMap map:
                if (op == "remove")
                {
                    return map.Remove(last) || Fail(out error, path);
                }

                if (value is null)
                {
                    return Fail(out error, path);
                }

                map.Set(last, value.Clone());
                return true;
            case YSeq seq:
                var index = last == "-" ? seq.Children.Count : int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
                if (index < 0 || index > seq.Children.Count || (op != "add" && index == seq.Children.Count))
                {
                    return Fail(out error, path);
                }

                if (op == "remove")
                {
                    seq.Children.RemoveAt(index);
                }
                else if (value is null)
                {
                    return Fail(out error, path);
                }
                else if (op == "add")
                {
                    seq.Children.Insert(index, value.Clone());
                }
                else
                {
                    seq.Children[index] = value.Clone();
                }

                return true;
            default:
                return Fail(out error, path);
        }
    }

    private static YNode? Step(YNode? node, string token) => node switch
    {
        YMap map => map.Get(token),
        YSeq seq when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < seq.Children.Count => seq.Children[i],
        _ => null,
    };

    private static bool Fail(out string error, string path)
    {
        error = $"JSON patch path '{path}' does not exist in the target";
        return false;
    }
}

/// <summary>
/// A strategic merge patch, simplified: mappings merge key by key, lists of named items (containers, env, volumes,
/// ports) merge by <c>name</c>, other lists are replaced, and a null value removes the key.
/// </summary>
internal static class StrategicMerge
{
    public static void Merge(YMap target, YMap patch)
    {
        foreach (var (key, value) in patch.Entries)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            var current = target.Get(key);
            if (value is YScalar { IsNull: true })
            {
                target.Remove(key);
            }
            else if (current is YMap currentMap && value is YMap patchMap)
            {
                Merge(currentMap, patchMap);
            }
            else if (current is YSeq currentSeq && value is YSeq patchSeq && IsNamedList(currentSeq) && IsNamedList(patchSeq))
            {
                foreach (var item in patchSeq.Children.Cast<YMap>())
                {
                    var name = item.TextAt("name");
                    var existing = currentSeq.Children.OfType<YMap>().FirstOrDefault(c => c.TextAt("name") == name);
                    if (existing is null)
                    {
                        currentSeq.Children.Add(item.Clone());
                    }
                    else
                    {
                        Merge(existing, item);
                    }
                }
            }
            else
            {
                target.Set(key, value.Clone());
            }
        }
    }

    /// <summary>
    /// The same merge as <see cref="Merge"/>, into a new tree that shares every subtree the merge does not change:
    /// neither input is modified or copied, so a read-only view (a workflow's effective spec) costs only the nodes on
    /// the paths where both sides have a value.
    /// </summary>
    public static YMap Merged(YMap target, YMap patch)
    {
        var result = new YMap(target.Location);
        foreach (var (key, value) in target.Entries)
        {
            result.Set(key, value);
        }

        foreach (var (key, value) in patch.Entries)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            var current = result.Get(key);
            if (value is YScalar { IsNull: true })
            {
                result.Remove(key);
            }
            else if (current is YMap currentMap && value is YMap patchMap)
            {
                result.Set(key, Merged(currentMap, patchMap));
            }
            else if (current is YSeq currentSeq && value is YSeq patchSeq && IsNamedList(currentSeq) && IsNamedList(patchSeq))
            {
                var merged = new YSeq(currentSeq.Location);
                merged.Children.AddRange(currentSeq.Children);
                foreach (var item in patchSeq.Children.Cast<YMap>())
                {
                    var name = item.TextAt("name");
                    var existing = merged.Children.FindIndex(c => c is YMap m && m.TextAt("name") == name);
                    if (existing < 0)
                    {
                        merged.Children.Add(item);
                    }
                    else
                    {
                        merged.Children[existing] = Merged((YMap)merged.Children[existing], item);
                    }
                }

                result.Set(key, merged);
            }
            else
            {
                result.Set(key, value);
            }
        }

        return result;
    }

    private static bool IsNamedList(YSeq seq) => seq.Children.Count > 0 && seq.Children.All(c => c is YMap m && m.TextAt("name") is not null);
}
