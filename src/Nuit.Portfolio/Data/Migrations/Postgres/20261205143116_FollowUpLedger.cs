using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nuit.Portfolio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "CaseReferences",
                type: "integer",
                nullable: false,
                defaultValue: 1); // existing references all came from the cover notes' tables (ReferenceKind.Table)

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "ActionPoints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosedByCaseId",
                table: "ActionPoints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DueKind",
                table: "ActionPoints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "ActionPoints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DueText",
                table: "ActionPoints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EditedByPerson",
                table: "ActionPoints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ActionPoints",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "ActionPoints",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing action point gets its own version, so a stale edit of one is told apart from another's.
            migrationBuilder.Sql("UPDATE \"ActionPoints\" SET \"Version\" = gen_random_uuid();");

            migrationBuilder.CreateTable(
                name: "ActionPointOwners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionPointId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPointOwners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPointOwners_ActionPoints_ActionPointId",
                        column: x => x.ActionPointId,
                        principalTable: "ActionPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionPointId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SuggestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_ActionPoints_ActionPointId",
                        column: x => x.ActionPointId,
                        principalTable: "ActionPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUps_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPoints_ClosedByCaseId",
                table: "ActionPoints",
                column: "ClosedByCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPoints_Status_DueOn",
                table: "ActionPoints",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPointOwners_ActionPointId_Name",
                table: "ActionPointOwners",
                columns: new[] { "ActionPointId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPointOwners_Name_ActionPointId",
                table: "ActionPointOwners",
                columns: new[] { "Name", "ActionPointId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ActionPointId_CaseId",
                table: "FollowUps",
                columns: new[] { "ActionPointId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CaseId",
                table: "FollowUps",
                column: "CaseId");

            migrationBuilder.AddForeignKey(
                name: "FK_ActionPoints_Cases_ClosedByCaseId",
                table: "ActionPoints",
                column: "ClosedByCaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ActionPoints_Cases_ClosedByCaseId",
                table: "ActionPoints");

            migrationBuilder.DropTable(
                name: "ActionPointOwners");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_ActionPoints_ClosedByCaseId",
                table: "ActionPoints");

            migrationBuilder.DropIndex(
                name: "IX_ActionPoints_Status_DueOn",
                table: "ActionPoints");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "CaseReferences");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "ActionPoints");

            migrationBuilder.DropColumn(
                name: "ClosedByCaseId",
                table: "ActionPoints");

            migrationBuilder.DropColumn(
                name: "DueKind",
                table: "ActionPoints");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "ActionPoints");

            migrationBuilder.DropColumn(
                name: "DueText",
                table: "ActionPoints");

            migrationBuilder.DropColumn(
                name: "EditedByPerson",
                table: "ActionPoints");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "ActionPoints");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ActionPoints");
        }
    }
}
