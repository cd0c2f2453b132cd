using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

public sealed class AutoSaveTests
{
    [Fact]
    public async Task A_second_save_starts_only_after_the_first_has_finished_so_the_later_value_lands_last()
    {
        using var save = new AutoSave(_ => "failed");
        var firstOnItsWay = new TaskCompletionSource<ServiceResult<string>>();
        var order = new List<string>();

        var first = save.RunAsync(() =>
        {
            order.Add("first started");
            return firstOnItsWay.Task;
        });
        var second = save.RunAsync(() =>
        {
            order.Add("second started");
            return Task.FromResult<ServiceResult<string>>("private");
        });
        await Task.Yield();
        Assert.Equal(["first started"], order);

        firstOnItsWay.SetResult("public");
        Assert.Equal("public", await first);
        Assert.Equal("private", await second);
        Assert.Equal(["first started", "second started"], order);
        Assert.Equal(SaveState.Saved, save.State);
    }
}
