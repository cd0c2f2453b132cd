using System.Globalization;
using MlCareer.Content.Model;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Content.Loading;

/// <summary>
/// Reads typed fields from one YAML mapping and records a problem (file, line, field) for every
/// missing, mistyped or unknown key, so a whole file is checked in one pass instead of stopping at the first error.
/// </summary>
internal sealed class FieldReader
{
    private readonly ProblemSink _problems;
    private readonly YamlMappingNode _mapping;
    private readonly string _prefix;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public FieldReader(ProblemSink problems, YamlMappingNode mapping, int line, string prefix = "")
    {
        _problems = problems;
        _mapping = mapping;
        Line = line;
        _prefix = prefix;
    }

    public ProblemSink Sink => _problems;

    /// <summary>The file line of the mapping itself (used for problems about missing keys).</summary>
    public int Line { get; }

    public int LineOf(YamlNode node) => _problems.LineOf(node);

    public string? String(string key, bool required = true, int maxLength = 200)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Report(node, key, "must be a non-empty text");
            return null;
        }

        if (value.Length > maxLength)
        {
            Report(node, key, $"is {value.Length} characters long; at most {maxLength} are allowed");
        }

        return value.Trim();
    }

    public int? Int(string key, int min, int max, bool required = true)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            Report(node, key, $"must be between {min} and {max}, not {value}");
            return null;
        }

        Report(node, key, $"must be a whole number between {min} and {max}");
        return null;
    }

    /// <summary>A YAML boolean written as <c>true</c> or <c>false</c>.</summary>
    public bool? Bool(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Report(node, key, "must be true or false");
        return null;
    }

    /// <summary>A calendar date written as <c>YYYY-MM-DD</c>.</summary>
    public DateOnly? Date(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text }
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report(node, key, "must be a date written as YYYY-MM-DD");
        return null;
    }

    /// <summary>The file line of <paramref name="key"/> itself, or of the mapping when the key is absent.</summary>
    public int KeyLine(string key) =>
        _mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key) is { } keyNode ? LineOf(keyNode) : Line;

    public TEnum? Enum<TEnum>(string key, bool required = true)
        where TEnum : struct, Enum
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }

        var allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        Report(Node(key, false)!, key, $"'{text}' is not one of: {allowed}");
        return null;
    }

    /// <summary>A list of non-empty texts, each with its file line.</summary>
    public IReadOnlyList<(string Value, int Line)> StringList(string key, bool required = true, int maxLength = 300)
    {
        var sequence = Sequence(key, required);
        if (sequence is null)
        {
            return [];
        }

        var result = new List<(string, int)>();
        var index = 0;
        foreach (var item in sequence)
        {
            index++;
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                if (value.Length > maxLength)
                {
                    Report(item, $"{key}[{index}]", $"is {value.Length} characters long; at most {maxLength} are allowed");
                }

                result.Add((value.Trim(), LineOf(item)));
            }
            else
            {
                Report(item, $"{key}[{index}]", "must be a non-empty text");
            }
        }

        return result;
    }

    public YamlSequenceNode? Sequence(string key, bool required = true)
    {
        var node = Node(key, required);
        switch (node)
        {
            case null:
                return null;
            case YamlSequenceNode sequence:
                return sequence;
            case YamlScalarNode { Value: null or "" }:
                return new YamlSequenceNode();
            default:
                Report(node, key, "must be a list");
                return null;
        }
    }

    public YamlMappingNode? Mapping(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null or YamlMappingNode)
        {
            return (YamlMappingNode?)node;
        }

        Report(node, key, "must be a mapping of keys to values");
        return null;
    }

    /// <summary>Reports every key of the mapping that no reader call asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (keyNode, _) in _mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!_seen.Contains(key))
            {
                _problems.Add(LineOf(keyNode), $"unknown field '{_prefix}{key}'");
            }
        }
    }

    public void Report(YamlNode node, string key, string message) => _problems.Add(LineOf(node), $"{_prefix}{key}: {message}");

    private YamlNode? Node(string key, bool required)
    {
        _seen.Add(key);
        if (_mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && !(node is YamlScalarNode { Value: null or "" } && required))
        {
            return node;
        }

        if (required)
        {
            _problems.Add(Line, $"missing required field '{_prefix}{key}'");
        }

        return null;
    }
}
