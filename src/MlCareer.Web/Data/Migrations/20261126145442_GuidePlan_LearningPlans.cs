using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlCareer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GuidePlan_LearningPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "AssessmentEvents",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LearningPlans",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    BackgroundId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HoursPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    BaselineAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BaselineRoleId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BaselineStage = table.Column<int>(type: "INTEGER", nullable: false),
                    BaselineHours = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPlans", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_LearningPlans_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanItemChoices",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    CompetencyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Choice = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItemChoices", x => new { x.UserId, x.CompetencyId });
                    table.ForeignKey(
                        name: "FK_PlanItemChoices_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningPlans");

            migrationBuilder.DropTable(
                name: "PlanItemChoices");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "AssessmentEvents");
        }
    }
}
