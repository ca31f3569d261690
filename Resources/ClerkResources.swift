/// Files shipped with clerk-team, compiled into the binary.
///
/// They are embedded rather than bundled so that an installed executable
/// copied to another folder or machine still finds them.
public enum ClerkResources {
    /// `Resources/role-matrix.json`: the shipped default role → permissions table.
    public static var roleMatrixJSON: [UInt8] { PackageResources.role_matrix_json }
    /// `Resources/invitation-mail.txt`: the invitation mail, a `Subject:` line then the body.
    public static var invitationMailTemplate: [UInt8] { PackageResources.invitation_mail_txt }
}
