using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nuit.Portfolio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseLinkStateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseLinks_State",
                table: "CaseLinks",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseLinks_State",
                table: "CaseLinks");
        }
    }
}
