using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Progress;

public sealed record LevelCounts(int NotStarted, int Learning, int Practising, int Proficient, int Expert)
{
    public int this[Level level] => level switch
    {
        Level.NotStarted => NotStarted,
        Level.Learning => Learning,
        Level.Practising => Practising,
        Level.Proficient => Proficient,
        _ => Expert,
    };

    public static LevelCounts Of(IEnumerable<Level> levels)
    {
        var c = new int[5];
        foreach (var l in levels)
        {
            c[(int)l]++;
        }

        return new LevelCounts(c[0], c[1], c[2], c[3], c[4]);
    }
}
