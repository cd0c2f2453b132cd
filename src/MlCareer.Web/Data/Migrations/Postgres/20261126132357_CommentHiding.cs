using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlCareer.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommentHiding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HiddenAt",
                table: "MentorComments",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "MentorComments");
        }
    }
}
