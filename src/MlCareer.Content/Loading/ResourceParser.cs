using MlCareer.Content.Model;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Content.Loading;

/// <summary>Reads a competency's <c>resources:</c> list: each a mapping, start-here resources first and at least one of them.</summary>
internal static class ResourceParser
{
    /// <summary>The usable resources (null when the field is missing or not a list); every problem is reported on its line.</summary>
    public static List<Resource>? ReadAll(FieldReader f)
    {
        var sequence = f.Sequence("resources");
        if (sequence is null)
        {
            return null;
        }

        if (!sequence.Children.Any())
        {
            f.Report(sequence, "resources", "needs at least one resource");
        }

        var resources = new List<Resource>();
        var index = 0;
        var startHereCount = 0;
        var otherSeen = false;
        var misplacedReported = false;
        foreach (var item in sequence)
        {
            index++;
            // Written with 'as' and a null check rather than 'is not ... mapping' so mutation testing can change the condition.
            var mapping = item as YamlMappingNode;
            if (mapping is null)
            {
                f.Report(item, $"resources[{index}]", "must be a mapping with title, url, kind and cost");
                continue;
            }

            var r = new FieldReader(f.Sink, mapping, f.LineOf(item), $"resources[{index}].");
            var title = r.String("title", maxLength: 200);
            var url = r.String("url", maxLength: 500);
            var kind = r.Enum<ResourceKind>("kind");
            var cost = r.Enum<ResourceCost>("cost");
            var startHere = r.Bool("start_here", required: false) ?? false;
            var part = r.String("part", required: startHere, maxLength: 200);
            var hours = r.Int("hours", 1, 500, required: startHere);
            r.RejectUnknownKeys();
            if (startHere)
            {
                startHereCount++;
                if (otherSeen && !misplacedReported)
                {
                    f.Report(item, $"resources[{index}]", "start-here resources must come before all other resources");
                    misplacedReported = true;
                }
            }
            else
            {
                otherSeen = true;
            }

            Uri? uri = null;
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                r.Report(mapping.Children[new YamlScalarNode("url")], "url", $"'{url}' is not an absolute http(s) URL");
                uri = null;
            }

            if (title is not null && uri is not null && kind is not null && cost is not null)
            {
                resources.Add(new Resource(title, uri, kind.Value, cost.Value, startHere, part, hours));
            }
        }

        if (index > 0 && startHereCount == 0)
        {
            f.Sink.Add(f.KeyLine("resources"), "resources: needs at least one resource with start_here: true (and its part and hours)");
        }

        return resources;
    }
}
